/**
 * The manifest for a deployment (used by webpack.config.js when it copies manifest.xml into dist/, and by the
 * tests). manifest.xml points every URL at the dev server; PUBLIC_URL=https://host/path/ rewrites each one, and
 * PROVIDER_NAME names who deploys it (the organisation users see in the add-in's details).
 */
const DEV_URL = 'https://localhost:3000/';

/** "https://host/path" → "https://host/path/"; refuses what Office will not load (http, no host). */
function normalisePublicUrl(url) {
  const u = new URL(url);
  if (u.protocol !== 'https:') throw new Error(`PUBLIC_URL must be https (Office loads add-ins over HTTPS only): ${url}`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The manifest text with every dev-server URL moved to `publicUrl` and the provider named, when given. */
function deployManifest(xml, { publicUrl, providerName } = {}) {
  let out = String(xml);
  if (publicUrl) out = out.split(DEV_URL).join(normalisePublicUrl(publicUrl));
  if (providerName) out = out.replace(/<ProviderName>[^<]*<\/ProviderName>/, `<ProviderName>${escapeXml(providerName)}</ProviderName>`);
  return out;
}

module.exports = { DEV_URL, deployManifest, normalisePublicUrl };
