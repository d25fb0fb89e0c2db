/**
 * Builds the task pane into dist/ (taskpane.html, bundles, icons, manifest.xml) and serves it over HTTPS on
 * localhost:3000 for sideloading. An async config so the dev certificates are only looked up when serving.
 *
 *   npx webpack --mode production          → dist/
 *   npx webpack serve --mode development   → https://localhost:3000/taskpane.html
 *
 * Environment: DEV_CERTS=skip uses webpack-dev-server's own self-signed certificate (CI, containers, the
 * browser preview); PUBLIC_URL=https://host/path/ rewrites every https://localhost:3000/ URL of the copied
 * manifest and PROVIDER_NAME names the deploying organisation (scripts/webpack/manifest.js); OFFICE_JS=local
 * serves office.js from dist/office/ for isolated intranets (scripts/webpack/officeJs.js, opt-in).
 * dist/help.html (the manifest's SupportUrl) is the README's help section.
 */
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const { deployManifest } = require('./scripts/webpack/manifest');
const { helpPage } = require('./scripts/webpack/helpPage');
const { keepOfficeFile, officeJsDist } = require('./scripts/webpack/officeJs');

const PORT = 3000;
/** Microsoft's CDN: the only source Microsoft supports for add-ins (and the store requires). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Trusted localhost certificates from office-addin-dev-certs, or a fallback that still serves HTTPS. */
async function httpsServer() {
  if (process.env.DEV_CERTS !== 'skip') {
    try {
      const devCerts = require('office-addin-dev-certs');
      return { type: 'https', options: await devCerts.getHttpsServerOptions() };
    } catch (err) {
      const generated = require('office-addin-dev-certs/lib/defaults');
      console.warn(
        [
          '',
          '⚠ 无法安装 Office 加载项开发证书 / could not install the Office add-in dev certificate:',
          `  ${String(err && err.message ? err.message : err).split('\n')[0]}`,
          '  Excel will not trust https://localhost:3000 until the CA is trusted.',
          '  Fix: run `npx office-addin-dev-certs install` once as an administrator (Windows/Mac),',
          '  or trust ~/.office-addin-dev-certs/ca.crt yourself. Serving with an untrusted certificate for now.',
          '',
        ].join('\n'),
      );
      // The certificate files are generated before the install step, so they usually exist even when it failed.
      const files = [generated.localhostCertificatePath, generated.localhostKeyPath, generated.caCertificatePath];
      if (files.every((f) => fs.existsSync(f))) {
        const [cert, key, ca] = files.map((f) => fs.readFileSync(f));
        return { type: 'https', options: { cert, key, ca } };
      }
    }
  } else {
    console.warn('DEV_CERTS=skip: serving with webpack-dev-server\'s self-signed certificate (not trusted by Excel).');
  }
  return { type: 'https' };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const publicUrl = process.env.PUBLIC_URL;
  const localOffice = process.env.OFFICE_JS === 'local';

  /** @type {import('webpack').Configuration} */
  const config = {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type-checking is `npm run typecheck`'s job; ES modules here so webpack can tree-shake Fluent UI.
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: true } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsUrl: localOffice ? 'office/office.js' : OFFICE_JS_CDN },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          // ES5, runs before office.js and the bundle: the IE11 page and office.js load failures (boot.js).
          // Copied as it is (minimized: true keeps Terser off it): the file the tests parse as ES5.
          { from: 'src/taskpane/boot.js', to: 'boot.js', info: { minimized: true } },
          { from: 'README.md', to: 'help.html', transform: (content) => helpPage(content.toString()) },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => deployManifest(content.toString(), { publicUrl, providerName: process.env.PROVIDER_NAME }),
          },
          ...(localOffice
            ? [
                {
                  from: '**/*',
                  context: officeJsDist(),
                  to: 'office/[path][name][ext]',
                  filter: (file) => keepOfficeFile(path.relative(officeJsDist(), file).split(path.sep).join('/')),
                  // Microsoft's files as they are: not minified again (nor their licences split off).
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
    ],
    // The pane's own bundles only: Microsoft's office.js files (OFFICE_JS=local) are as large as they are.
    performance: { hints: production ? 'warning' : false, maxEntrypointSize: 700 * 1024, maxAssetSize: 700 * 1024, assetFilter: (file) => !file.startsWith('office/') && !file.endsWith('.map') },
  };

  if (serving) {
    config.devServer = {
      port: PORT,
      static: false,
      server: await httpsServer(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      // Office caches the pane aggressively; a full reload is more predictable than HMR inside Excel.
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};
