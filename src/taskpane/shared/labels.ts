/** Labels every part of the pane uses: the three modes and the tabs they share. */
export type PaneMode = 'budget' | 'indicators' | 'year';

export const MODE_LABEL: Record<PaneMode, string> = { budget: '预算执行', indicators: '绩效指标', year: '年度工具' };

export const TAB_LABEL = { detect: '识别', preview: '预览', settings: '设置', issues: '问题清单' } as const;
