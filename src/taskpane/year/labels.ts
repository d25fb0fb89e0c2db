/** Chinese labels of the 年度工具 part (one place, so the e2e tests and the UI agree). */
export const YEAR_BUSY_LABEL = { preview: '正在预览…', create: '正在创建工作表…', monitor: '正在生成监控表…', undo: '正在撤销…' } as const;

export const LIGHT_LABEL = { red: '红灯', yellow: '黄灯', green: '绿灯' } as const;
