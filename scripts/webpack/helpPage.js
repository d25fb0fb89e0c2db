/**
 * dist/help.html, the manifest's SupportUrl: the README's help section (between the <!-- help:start --> and
 * <!-- help:end --> markers) rendered with marked, so the help page and the README never disagree.
 */
const { marked } = require('marked');

function helpSection(readme) {
  const m = /<!-- help:start -->([\s\S]*?)<!-- help:end -->/.exec(readme);
  if (!m) throw new Error('README.md has no <!-- help:start --> … <!-- help:end --> section for help.html');
  return m[1].trim();
}

function helpPage(readme) {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>预算执行助手 · 帮助</title>
<style>
body { font-family: "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; color: #242424; }
code, pre { background: #f5f5f5; border-radius: 4px; } pre { padding: .75rem; overflow-x: auto; } code { padding: 0 .25rem; }
</style>
</head>
<body>
<h1>预算执行助手 · 帮助</h1>
${marked.parse(helpSection(readme))}
</body>
</html>
`;
}

module.exports = { helpPage, helpSection };
