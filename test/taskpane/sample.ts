/** A small budget table as a snapshot, shared by the pane's tests: one typed rate (F5), one added column (G). */
import type { SheetSnapshot } from '../../src/core';
import { sheet } from '../helpers/snapshot';

export function sampleSheet(): SheetSnapshot {
  return sheet('执行表', [
    ['2023年项目支出执行情况'],
    ['单位：万元'],
    ['序号', '项目名称', '年初预算数', '调整后预算数', '实际支出', '预算执行率'],
    [1, '办公设备购置', 100, 120, 60, null],
    [2, '信息化运维', 200, 200, 198, '99%'],
    [3, '专项调研', 50, 150, 150, null],
    [4, '培训费', 80, 80, 76, null],
    [null, '合计', 430, 550, 484, null],
  ]);
}
