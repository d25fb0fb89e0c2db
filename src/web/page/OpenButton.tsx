/**
 * Choosing a workbook: a button that opens the computer's file chooser, and the whole page as a drop target.
 * The file is read into the page only; nothing is sent anywhere.
 */
import { Button, Caption1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';

const ACCEPT = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12';

const useStyles = makeStyles({
  hidden: { display: 'none' },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalM,
    margin: tokens.spacingHorizontalXXL,
    padding: tokens.spacingHorizontalXXL,
    minHeight: '240px',
    textAlign: 'center',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  over: { borderTopColor: '#217346', borderRightColor: '#217346', borderBottomColor: '#217346', borderLeftColor: '#217346', backgroundColor: tokens.colorNeutralBackground1Selected },
});

export interface OpenButtonProps {
  onOpen(file: File): void;
  appearance?: 'primary' | 'secondary';
  disabled?: boolean;
}

export function OpenButton({ onOpen, appearance = 'primary', disabled }: OpenButtonProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={appearance} disabled={disabled} onClick={() => input.current?.click()} data-testid="open-workbook">
        打开工作簿
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept={ACCEPT}
        aria-label="选择工作簿文件"
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so choosing the same file again opens it again.
          e.target.value = '';
          if (file) onOpen(file);
        }}
      />
    </>
  );
}

/** Listens for a workbook dropped anywhere on the page; true while one is dragged over it. */
export function usePageDrop(onOpen: (file: File) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) onOpen(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onOpen]);
  return over;
}

/** What the page shows before a workbook is open. */
export function DropArea({ over, onOpen }: { over: boolean; onOpen(file: File): void }) {
  const styles = useStyles();
  return (
    <section className={`${styles.drop} ${over ? styles.over : ''}`} aria-label="打开工作簿" data-testid="drop-area">
      <Subtitle1 as="h2">把 Excel 工作簿（.xlsx / .xlsm）拖到这里</Subtitle1>
      <Caption1>或点击下面的按钮，从电脑中选择文件。识别、写入公式和标记后，点击“保存工作簿”下载结果，原文件不会被改动。</Caption1>
      <OpenButton onOpen={onOpen} />
    </section>
  );
}
