/**
 * "请先结束单元格编辑": shown while an action waits because a cell in Excel is being edited (Excel holds the
 * add-in's requests until the edit ends; office-js#806). The action goes on by itself once the user ends the edit.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

export function useCellEditWait(watch: ((onWait: (waiting: boolean) => void) => () => void) | undefined): boolean {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => watch?.(setWaiting), [watch]);
  return waiting;
}

export function CellEditNotice({ waiting }: { waiting: boolean }) {
  if (!waiting) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="cell-edit-wait" role="alert">
      <MessageBarBody>
        <MessageBarTitle>请先结束单元格编辑</MessageBarTitle>
        Excel 中有单元格正在编辑，操作在等待。请在 Excel 中按 Enter 或 Esc 结束编辑（必要时单击另一个单元格），操作会自动继续。
      </MessageBarBody>
    </MessageBar>
  );
}
