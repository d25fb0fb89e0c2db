/** Reading actual values (实际完成情况) from report sentences against their target. */
import { describe, expect, it } from 'vitest';
import { extractActual, parseIndicatorValue, printedCompletion } from '../../../src/core/indicators';

const target = (text: string) => parseIndicatorValue(text);

describe('extractActual: the number in the target unit family', () => {
  it('skips the printed completion ratio', () => {
    const a = extractActual('已完成，全市城镇新增就业人数 30.55 万人，完成指标任务的 122.2%。', target('预期实现值：全年城镇新增就业人数 25 万人以上。'));
    expect(a).toMatchObject({ kind: 'number', value: 305500, unit: '人', scale: 10000 });
  });

  it('skips the target restated in brackets', () => {
    const a = extractActual('已完成，扶持创业人数 5.11 万人，完成指标任务（2.55 万人）的 200.39%。', target('预期实现值：促进创业人数 2.55 万人'));
    expect(a).toMatchObject({ kind: 'number', value: 51100, unit: '人' });
  });

  it('takes 名 for 人 and skips money', () => {
    const a = extractActual('已完成，为 528 名在站博士后发放生活补贴共 6900 万元。', target('约 500 人'));
    expect(a).toMatchObject({ kind: 'number', value: 528, unit: '名' });
  });

  it('skips years, months and 学年', () => {
    expect(extractActual('已完成，2022 年 12 月基本养老保险参保人数(含离退休) 1023.42 万人', target('977 万人')).value).toBe(10234200);
    expect(extractActual('已完成年度目标，共资助 70,442 人。全市 20 所技工院校 2021-2022 学年核定免学费资助总人数为 70,442 人。', target('不少于 70000 名')).value).toBe(70442);
  });

  it('skips a change against last year', () => {
    const a = extractActual('处理劳资纠纷案件 4093 宗（同比增长 128.8%），结案率 98.05%', target('95%'));
    expect(a).toMatchObject({ value: 98.05, unit: '%' });
  });

  it('prefers a number with the unit over a bare one', () => {
    const a = extractActual('已完成，招生总人数为 31168 人，其中全市 20 所 技工院校 2021-2022 学年核定免学费资助总人数 为 24442。', target('3 万人'));
    expect(a).toMatchObject({ value: 31168, unit: '人' });
  });

  it('gives a bare actual the target unit when the scale is plain', () => {
    expect(extractActual('52635', target('30000 个'))).toMatchObject({ value: 52635, unit: '个' });
  });

  it('accepts 万 against 万 and 万人 against bare 万', () => {
    expect(extractActual('已完成，2022年末社保卡累计持卡人数达到1800万', target('1690万')).value).toBe(18000000);
    expect(extractActual('已完成，全市参加失业保险714.83万人。', target('709 万'))).toMatchObject({ value: 7148300, unit: '人' });
  });

  it('reads a lower-is-better actual of 0', () => {
    expect(extractActual('有效投诉数量0次。', target('不超10次'))).toMatchObject({ kind: 'number', value: 0, unit: '次' });
  });
});

describe('extractActual: what it will not guess', () => {
  it('unit mismatch: 万元 against 人 is unparsed, not a number', () => {
    const a = extractActual('已完成，发放生活补贴共 6900 万元。', target('约 500 人'));
    expect(a).toMatchObject({ kind: 'unparsed', value: null });
    expect(a.reason).toContain('不一致');
  });

  it('two different candidates are ambiguous', () => {
    const a = extractActual('培训 300 人，其中就业 260 人', target('不少于 250 人'));
    expect(a.kind).toBe('unparsed');
    expect(a.reason).toContain('多个可能');
  });

  it('two rates for one % target are ambiguous', () => {
    const a = extractActual('结案率 98.05%，终局率 82.48%', target('95%'));
    expect(a.kind).toBe('unparsed');
  });

  it('a bare number against a 万 target is not given a scale', () => {
    const a = extractActual('16.19', target('17.42 万人'));
    expect(a.kind).toBe('unparsed');
    expect(a.reason).toContain('万');
  });

  it('a sentence with no number is unparsed, keeping its word', () => {
    const a = extractActual('已完成。', target('30000 个'));
    expect(a).toMatchObject({ kind: 'unparsed', qualitativeWord: '完成' });
  });

  it('an unparsed target gives an unparsed actual', () => {
    expect(extractActual('100 人', target('见附件')).kind).toBe('unparsed');
  });

  it('blank actuals are unparsed', () => {
    expect(extractActual('--', target('100 人')).kind).toBe('unparsed');
  });
});

describe('extractActual: qualitative and multi-part targets', () => {
  it('answers a qualitative target with a word, ignoring numbers', () => {
    const a = extractActual('已完成，2022年深化开展博士和博士后人才创新发展项目。全年共计服务博士和博士后人才2290人次。', target('落实'));
    expect(a).toMatchObject({ kind: 'qualitative', qualitativeWord: '完成' });
  });

  it('reads part by part', () => {
    const a = extractActual('3197、\n\n12063 人', target('2000、\n\n8000 人'));
    expect(a.kind).toBe('multi');
    expect(a.parts).toEqual([{ value: 3197, unit: '人' }, { value: 12063, unit: '人' }]);
  });

  it('refuses a different number of parts', () => {
    const a = extractActual('15260 人', target('2000、8000 人'));
    expect(a.kind).toBe('unparsed');
    expect(a.reason).toContain('逐项');
  });
});

describe('printedCompletion', () => {
  it.each([
    ['已完成，全市城镇新增就业人数 30.55 万人，完成指标任务的 122.2%。', 1.222],
    ['已完成，扶持创业人数 5.11 万人，完成指标任务（2.55 万人）的 200.39%。', 2.0039],
    ['城镇失业人员再就业人数22314人，与去年同比基本持平，完成全年指标 147.62%。', 1.4762],
  ])('%s → %d', (text, ratio) => {
    expect(printedCompletion(text)).toBeCloseTo(ratio, 10);
  });

  it('is null when none is printed', () => {
    expect(printedCompletion('已完成，发放科研启动费项目个数 300 个。')).toBeNull();
  });
});
