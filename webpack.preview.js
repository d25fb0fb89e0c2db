/**
 * The browser preview: the real task pane beside a simulated workbook loaded with the sample workbooks
 * (src/preview). A separate config from webpack.config.js because the preview bundles the simulator and
 * HyperFormula (GPL-3.0), which must never reach the add-in's production bundle in dist/.
 *
 *   npx webpack --config webpack.preview.js --mode production               → dist-preview/
 *   npx webpack serve --config webpack.preview.js --mode development        → http://localhost:3001/
 *
 * Plain http: the preview runs in any browser, not inside Office, so it needs no certificate.
 * Sample .xlsx files are converted to JSON at build time by scripts/preview-xlsx-loader.js.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const PORT = 3001;

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';

  /** @type {import('webpack').Configuration} */
  const config = {
    mode: production ? 'production' : 'development',
    // No source maps in production: the bundle is only ever built for the end-to-end test.
    devtool: production ? false : 'eval-cheap-module-source-map',
    entry: { preview: './src/preview/main.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist-preview'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '/',
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
            // Type-checking is `npm run typecheck`'s job; ES modules so the sample imports split into chunks.
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: !production } },
          },
        },
        { test: /\.xlsx$/, type: 'javascript/auto', use: path.resolve(__dirname, 'scripts/preview-xlsx-loader.js') },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
    ],
    optimization: {
      // Minifying ~2 MB (Fluent UI + HyperFormula) takes longer than the test that uses it; nobody downloads
      // this page over a slow link. Production mode still gives React's production build and tree-shaking.
      minimize: process.env.PREVIEW_MINIFY === '1',
    },
    performance: { hints: false },
    // Rebuilds (the end-to-end test after a change, a restarted dev server) only redo what changed.
    cache: {
      type: 'filesystem',
      name: `preview-${production ? 'production' : 'development'}`,
      cacheDirectory: path.resolve(__dirname, 'node_modules/.cache/webpack-preview'),
      buildDependencies: { config: [__filename, path.resolve(__dirname, 'scripts/preview-xlsx-loader.js')] },
    },
  };

  if (process.env.WEBPACK_SERVE) {
    config.devServer = {
      port: PORT,
      host: 'localhost',
      server: 'http',
      static: false,
      open: false,
      hot: false,
      liveReload: true,
      // http://localhost:3001/ opens the preview.
      historyApiFallback: { index: '/preview.html' },
      devMiddleware: { index: 'preview.html' },
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};
