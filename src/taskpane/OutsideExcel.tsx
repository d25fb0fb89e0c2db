/** Shown when the page is opened outside Excel: office.js resolves with host null and `Excel` is undefined. */
import { Body1, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function OutsideExcel({ host }: { host: string | null }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <main className={styles.root} data-testid="outside-excel">
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>请在 Excel 中打开预算执行助手</MessageBarTitle>
            {host ? `当前宿主为 ${host}，本加载项仅支持 Excel 工作簿。` : '此页面未在 Office 中运行。'}
          </MessageBarBody>
        </MessageBar>
        <Body1>在 Excel（Windows、Mac 或网页版）中旁加载 manifest.xml 后，从“开始”选项卡的“预算执行助手”按钮打开任务窗格；没有 Excel 时，可运行 npm run preview 在浏览器中使用模拟工作簿。</Body1>
      </main>
    </FluentProvider>
  );
}
