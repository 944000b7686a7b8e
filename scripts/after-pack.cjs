// electron-builder afterPack hook (electron-builder.yml: afterPack): flips Electron's fuses in the
// packaged binary before it is signed. Fuses are compile-time switches in the binary itself, so
// they hold even if someone runs the app with hostile flags or environment.
//   RunAsNode off                        ELECTRON_RUN_AS_NODE cannot turn the app into a plain node
//   EnableCookieEncryption on            the cookie store is encrypted with the OS keychain
//   EnableNodeOptionsEnvironmentVariable off   NODE_OPTIONS / NODE_EXTRA_CA_CERTS are ignored
//   EnableNodeCliInspectArguments off    --inspect and SIGUSR1 cannot attach a debugger
//   EnableEmbeddedAsarIntegrityValidation on   app.asar is checked against its hash (macOS, Windows)
//   OnlyLoadAppFromAsar on               code loads from app.asar only, not a loose app/ folder
//   GrantFileProtocolExtraPrivileges off       the UI is served from app://, file:// needs no extras
// @electron/fuses comes with electron-builder; it is resolved from there.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder requires this hook */

const path = require('node:path');

function loadFuses() {
  const builderDir = path.dirname(require.resolve('app-builder-lib/package.json'));
  return require(require.resolve('@electron/fuses', { paths: [builderDir, __dirname] }));
}

/** The fuse wire we ship, keyed by FuseV1Options name. */
const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

function fuseConfig(fuses = loadFuses()) {
  const config = { version: fuses.FuseVersion.V1, resetAdHocDarwinSignature: false };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`unknown fuse ${name}`);
    config[index] = value;
  }
  return config;
}

/** The packaged executable inside appOutDir, as electron-builder names it per platform. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  const fuses = loadFuses();
  const config = fuseConfig(fuses);
  // Ad-hoc signatures on Apple silicon break when the binary changes; real signing follows anyway.
  config.resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64
  const binary = executablePath(context);
  await fuses.flipFuses(binary, config);
  console.log(`  • flipped Electron fuses in ${path.relative(process.cwd(), binary) || binary}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
module.exports.executablePath = executablePath;
