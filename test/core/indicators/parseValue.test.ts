/** Reading target cells (年度指标值 / 预期值): DOMAIN.md §4. */
import { describe, expect, it } from 'vitest';
import { directionFromName, parseIndicatorValue } from '../../../src/core/indicators';

describe('parseIndicatorValue: comparison words', () => {
  it.each([
    ['≥95%', '>=', 'higher', 95, '%'],
    ['>=95%', '>=', 'higher', 95, '%'],
    ['＞＝９５％', '>=', 'higher', 95, '%'],
    ['不低于90%', '>=', 'higher', 90, '%'],
    ['不少于 70000 名', '>=', 'higher', 70000, '名'],
    ['25 万人以上', '>=', 'higher', 250000, '人'],
    ['达到 3000 家', '>=', 'higher', 3000, '家'],
    ['约 500 人', '~', 'equal', 500, '人'],
    ['100 人左右', '~', 'equal', 100, '人'],
    ['=100%', '=', 'equal', 100, '%'],
    ['不超10次', '<=', 'lower', 10, '次'],
    ['不超过 5 次', '<=', 'lower', 5, '次'],
    ['不高于3%', '<=', 'lower', 3, '%'],
    ['5 件以下', '<=', 'lower', 5, '件'],
    ['≤3件', '<=', 'lower', 3, '件'],
    ['≦3件', '<=', 'lower', 3, '件'],
    ['控制在10个工作日以内', '<=', 'lower', 10, '工作日'],
    ['控制在 95% 以上', '>=', 'higher', 95, '%'], // the suffix decides
  ] as const)('%j → %s %s %d %s', (text, comparison, direction, value, unit) => {
    expect(parseIndicatorValue(text)).toMatchObject({ kind: 'number', comparison, direction, value, unit });
  });

  it('reads a bare target as higher-is-better with no comparison', () => {
    expect(parseIndicatorValue('30000 个')).toMatchObject({ kind: 'number', comparison: null, direction: 'higher', value: 30000, unit: '个' });
  });

  it('does not take 节约 for 约', () => {
    expect(parseIndicatorValue('节约成本 10%')).toMatchObject({ comparison: null, value: 10 });
  });
});

describe('parseIndicatorValue: units and scale', () => {
  it('converts 万人 to 人 and keeps the factor', () => {
    expect(parseIndicatorValue('17.42 万人')).toMatchObject({ value: 174200, unit: '人', scale: 10000, parts: [{ value: 174200, unit: '人' }] });
    expect(parseIndicatorValue('20.9 万人次')).toMatchObject({ value: 209000, unit: '人次', scale: 10000 });
  });

  it('reads bare 万 as × 10000 with no unit, or the preferred unit', () => {
    expect(parseIndicatorValue('1690万')).toMatchObject({ value: 16900000, unit: null, scale: 10000 });
    expect(parseIndicatorValue('1690万', { preferUnit: '人' })).toMatchObject({ value: 16900000, unit: '人', scale: 10000 });
    expect(parseIndicatorValue('58', { preferUnit: '万人' })).toMatchObject({ value: 580000, unit: '人', scale: 10000 });
  });

  it('keeps money in 万元', () => {
    expect(parseIndicatorValue('6900 万元')).toMatchObject({ value: 6900, unit: '万元', scale: 1 });
    expect(parseIndicatorValue('8.7 亿元')).toMatchObject({ value: 87000, unit: '万元', scale: 10000 });
    expect(parseIndicatorValue('50000 元').value).toBeCloseTo(5, 10);
  });

  it('keeps a per-unit rate apart: 3929 元/月 is not an amount of 元', () => {
    expect(parseIndicatorValue('3929 元/月')).toMatchObject({ value: 3929, unit: '元/月' });
  });

  it('reads thousands separators, full-width digits and split cells', () => {
    expect(parseIndicatorValue('70,442 人')).toMatchObject({ value: 70442, unit: '人' });
    expect(parseIndicatorValue('１，５５０ 件')).toMatchObject({ value: 1550, unit: '件' });
    expect(parseIndicatorValue('31103人\n次')).toMatchObject({ value: 31103, unit: '人次' });
    expect(parseIndicatorValue('９９．５％')).toMatchObject({ value: 99.5, unit: '%' });
  });

  it('does not read years, dates or ordinals as the value', () => {
    expect(parseIndicatorValue('2022年底达到 58 万人')).toMatchObject({ kind: 'number', value: 580000 });
    expect(parseIndicatorValue('12月31日前完成 300 个')).toMatchObject({ kind: 'number', value: 300, unit: '个' });
  });
});

describe('parseIndicatorValue: several numbers', () => {
  it('reads "2000、8000 人" as two parts sharing the unit', () => {
    const v = parseIndicatorValue('2000、8000 人');
    expect(v).toMatchObject({ kind: 'multi', value: null, unit: '人' });
    expect(v.parts).toEqual([{ value: 2000, unit: '人' }, { value: 8000, unit: '人' }]);
  });

  it('shares a 万 as well: "1.5、2 万人"', () => {
    expect(parseIndicatorValue('1.5、2 万人').parts).toEqual([{ value: 15000, unit: '人' }, { value: 20000, unit: '人' }]);
  });

  it('reads a list with a full-width comma', () => {
    expect(parseIndicatorValue('2000，8000人').parts).toHaveLength(2);
  });

  it('does not choose between unrelated numbers', () => {
    const v = parseIndicatorValue('培训 300 人，发放 50 万元');
    expect(v.kind).toBe('unparsed');
    expect(v.reason).toContain('多个数字');
  });

  it('does not choose within a range', () => {
    const v = parseIndicatorValue('90%-95%');
    expect(v.kind).toBe('unparsed');
    expect(v.reason).toContain('区间');
  });
});

describe('parseIndicatorValue: wrapped targets', () => {
  it('takes what follows 预期实现值', () => {
    expect(parseIndicatorValue('预期实现值：全年城镇新增就业人数 25 万人以上。')).toMatchObject({ comparison: '>=', value: 250000, unit: '人' });
    expect(parseIndicatorValue('指标解释：…；预期实现值：不超10次。')).toMatchObject({ comparison: '<=', direction: 'lower', value: 10, unit: '次' });
  });

  it('stops at the clause end: 人社部指标 90% is not the target', () => {
    expect(parseIndicatorValue('预期实现值 95%；人社部指标 90%；省人社厅指标 95%。')).toMatchObject({ value: 95, unit: '%' });
  });

  it('accepts 预期实现 without 值, and a label broken over lines', () => {
    expect(parseIndicatorValue('指标解释：技工学校招生人 数；预期实现：3 万人。')).toMatchObject({ value: 30000, unit: '人' });
    expect(parseIndicatorValue('指标解释：参加失业保险人数；预\n\n期实现值：709 万。')).toMatchObject({ value: 7090000, scale: 10000 });
  });
});

describe('parseIndicatorValue: qualitative and unparsed', () => {
  it.each(['落实', '完成', '促进', '达标', '有效', '达成年度指标', '提升', '改善', '较好', '是'])('%s is qualitative', (word) => {
    expect(parseIndicatorValue(word)).toMatchObject({ kind: 'qualitative', direction: 'qualitative', value: null, qualitativeWord: word });
  });

  it('keeps a negation with the word', () => {
    expect(parseIndicatorValue('未落实').qualitativeWord).toBe('未落实');
    expect(parseIndicatorValue('不达标').qualitativeWord).toBe('不达标');
    expect(parseIndicatorValue('不断提升').qualitativeWord).toBe('提升');
  });

  it.each(['', '--', '—', '/', '见附件', '详见说明', 'N/A'])('%j is unparsed with a reason', (text) => {
    const v = parseIndicatorValue(text);
    expect(v).toMatchObject({ kind: 'unparsed', value: null, direction: null });
    expect(v.reason).toBeTruthy();
  });

  it('keeps the original text', () => {
    expect(parseIndicatorValue(' ≥95％ ').text).toBe(' ≥95％ ');
  });
});

describe('directionFromName', () => {
  it.each(['有效投诉数量', '投诉件数', '差错率', '安全事故发生数', '违规使用资金次数'])('%s is lower-is-better', (name) => {
    expect(directionFromName(name)).toBe('lower');
  });

  it.each(['投诉办复率', '网上投诉举报案件处理率', '拖欠农民工工资举报投诉案件结案率', '投诉人满意度', '就业岗位数'])('%s says nothing', (name) => {
    expect(directionFromName(name)).toBeNull();
  });

  it('makes a bare target lower-is-better, while an explicit word still wins', () => {
    expect(parseIndicatorValue('10 次', { name: '有效投诉数量' })).toMatchObject({ comparison: null, direction: 'lower' });
    expect(parseIndicatorValue('≥95%', { name: '差错率' })).toMatchObject({ direction: 'higher' });
  });
});
