/*
 * Runs first, before office.js and the bundle, in every engine Office runs add-ins in — including Internet
 * Explorer 11, which volume-licensed Office 2016 and 2019 (and old Microsoft 365 builds on Windows) use, and where
 * this pane (React 19, modern JavaScript) cannot run at all. So: ES5 only, no build step, nothing imported.
 *
 *   - In IE11 it shows a Chinese page saying which Excel runs the pane, and nothing else happens.
 *   - Elsewhere it watches office.js, which comes from Microsoft's CDN: a refused request (the script's onerror
 *     calls officeFailed) or no answer within OFFICE_TIMEOUT_MS shows what is wrong and what to do, instead of a
 *     blank pane or the wrong "此页面未在 Office 中运行".
 *   - The bundle calls officeReady() once Office.onReady has resolved, and officeFailed() when it never does
 *     (office.js loaded but its host files did not).
 */
(function () {
  var OFFICE_TIMEOUT_MS = 6000;
  var boot = { isIE: false, failed: false, ready: false, timer: null };
  window.budgetExecBoot = boot;

  boot.isIE = !!document.documentMode || /Trident\/|MSIE /.test(navigator.userAgent || '');

  function show(title, lines) {
    var el = document.getElementById('boot-message');
    if (!el) {
      el = document.createElement('div');
      el.id = 'boot-message';
      (document.body || document.documentElement).appendChild(el);
    }
    var html = '<h1 style="font-size:16px;margin:0 0 8px">' + title + '</h1>';
    for (var i = 0; i < lines.length; i++) html += '<p style="margin:0 0 8px;line-height:1.6">' + lines[i] + '</p>';
    el.innerHTML = html;
    el.setAttribute('role', 'alert');
    el.style.display = 'block';
    var root = document.getElementById('root');
    if (root) root.style.display = 'none';
  }

  function whenBody(fn) {
    if (document.body) fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  boot.officeFailed = function (why) {
    if (boot.ready || boot.failed || boot.isIE) return;
    boot.failed = true;
    boot.why = why;
    whenBody(function () {
      show('无法加载 Office 脚本，预算执行助手无法启动', [
        '预算执行助手需要从微软服务器（appsforoffice.microsoft.com）加载 Office 脚本（office.js），但' +
          (why === 'error' ? '请求被拒绝了。' : '等了几秒仍没有响应。'),
        '请检查网络、代理或防火墙设置，或请管理员放行 appsforoffice.microsoft.com；然后关闭并重新打开任务窗格。',
        '单位内网无法访问微软服务器时，请管理员按帮助页“隔离内网部署”一节部署本地副本。',
        '<button type="button" onclick="location.reload()">重新加载</button>'
      ]);
    });
  };

  /** Office answered after all (a slow network): the pane takes over from the message. */
  boot.officeReady = function () {
    boot.ready = true;
    if (boot.timer) clearTimeout(boot.timer);
    if (!boot.failed) return;
    boot.failed = false;
    var el = document.getElementById('boot-message');
    var root = document.getElementById('root');
    if (el) el.style.display = 'none';
    if (root) root.style.display = '';
  };

  if (boot.isIE) {
    whenBody(function () {
      show('预算执行助手无法在此版本的 Excel 中运行', [
        '此 Excel 使用 Internet Explorer 11 引擎运行加载项（Office 2016、Office 2019 批量许可版，或较旧的 Microsoft 365 版本），本加载项需要新式浏览器引擎（Microsoft Edge WebView2）。',
        '请改用：Microsoft 365 版 Excel（更新到最新版本）、Excel 2021 或更高版本（含 Excel LTSC 2024），或在浏览器中打开 Excel 网页版。',
        '没有上述版本时，可以使用命令行工具 budget-exec 处理 .xlsx 文件（见帮助页）。'
      ]);
    });
    return;
  }

  boot.timer = setTimeout(function () {
    if (!window.Office) boot.officeFailed('timeout');
  }, OFFICE_TIMEOUT_MS);
})();
