/**
 * The sample workbooks the preview offers. Each is its own chunk (converted from assets/samples/*.xlsx at
 * build time), so the page only downloads the one it shows.
 */
import type { PreviewWorkbook } from './sampleTypes';

export interface SampleEntry {
  id: string;
  label: string;
  load(): Promise<PreviewWorkbook>;
}

export const SAMPLES: readonly SampleEntry[] = [
  {
    id: 'liwan-2021',
    label: '荔湾区人社局 2021（表1-2、项目支出、绩效指标）',
    load: () => import(/* webpackChunkName: "sample-liwan-2021" */ '../../assets/samples/liwan-2021.xlsx').then((m) => m.default),
  },
  {
    id: 'foshan-2020',
    label: '佛山 2020（部门预算支出明细表）',
    load: () => import(/* webpackChunkName: "sample-foshan-2020" */ '../../assets/samples/foshan-2020.xlsx').then((m) => m.default),
  },
  {
    id: 'guangzhou-2022-indicators',
    label: '广州市人社局 2022（绩效指标完成情况）',
    load: () =>
      import(/* webpackChunkName: "sample-guangzhou-2022" */ '../../assets/samples/guangzhou-2022-indicators.xlsx').then((m) => m.default),
  },
  {
    id: 'national-project-form-2023',
    label: '项目支出绩效自评表（财预〔2020〕10号 格式）',
    load: () =>
      import(/* webpackChunkName: "sample-national-form" */ '../../assets/samples/national-project-form-2023.xlsx').then((m) => m.default),
  },
  {
    id: 'department-form-2024',
    label: '部门整体支出绩效自评表 2024',
    load: () => import(/* webpackChunkName: "sample-department-form" */ '../../assets/samples/department-form-2024.xlsx').then((m) => m.default),
  },
];

/** The sample named in the address (?sample=…), else the first. */
export function findSample(id: string | null): SampleEntry {
  return SAMPLES.find((s) => s.id === id) ?? SAMPLES[0];
}
