/**
 * The national form (财预〔2020〕10号 项目支出绩效自评表) as a user keeps it, two ways. Not a test file.
 * - NATIONAL_FORM: 分值 on every 三级 row, 一级 and 二级 merged down, 预算执行率 listed among the rows, a 合计 of
 *   the 分值, a sign-off row under the table.
 * - NATIONAL_FORM_SUBTOTALS: each 一级 opens with its own row carrying the group's 分值 (产出 50, 效益 30,
 *   满意度 10), and 合计 100; the 效益 rows add up to 25 only — a mistake the weight check must report.
 */
import type { SheetSnapshot } from '../../../src/core';
import { sheet } from '../../helpers/snapshot';

const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

export function NATIONAL_FORM(): SheetSnapshot {
  return sheet(
    '项目自评表',
    [
      ['2023年度项目支出绩效自评表'],
      HEADER,
      [null, null, '预算执行率', '100%', '95%', 10, null, null],
      ['产出指标', '数量指标', '培训人数', '≥1000人', '1200人', 20, null, null],
      [null, null, '培训场次', '10场', '8场', 10, null, '经费原因：部分场次延期到次年'],
      [null, '质量指标', '培训合格率', '≥95%', '96%', 10, null, null],
      [null, '时效指标', '完成及时率', '100%', '100%', 10, null, null],
      ['效益指标', '社会效益指标', '就业带动', '有效', '有效', 20, null, null],
      [null, '可持续影响指标', '长效机制', '完善', '已完善', 10, null, null],
      ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '93%', 10, null, null],
      ['合计', null, null, null, null, 100, null, null],
      ['填报人：张三　　审核人：李四'],
    ],
    ['A1:H1', 'A4:A7', 'B4:B5', 'A8:A9'],
  );
}

export function NATIONAL_FORM_SUBTOTALS(): SheetSnapshot {
  return sheet('项目自评表', [
    HEADER,
    ['产出指标', null, null, null, null, 50],
    [null, '数量指标', '培训人数', '≥1000人', '1200人', 20],
    [null, null, '培训场次', '10场', '8场', 10],
    [null, '质量指标', '培训合格率', '≥95%', '96%', 10],
    [null, '时效指标', '完成及时率', '100%', '100%', 10],
    ['效益指标', null, null, null, null, 30],
    [null, '社会效益指标', '就业带动', '有效', '有效', 15],
    [null, '可持续影响指标', '长效机制', '完善', '已完善', 10],
    ['满意度指标', null, null, null, null, 10],
    [null, '服务对象满意度指标', '学员满意度', '≥90%', '93%', 10],
    ['合计', null, null, null, null, 100],
  ]);
}
