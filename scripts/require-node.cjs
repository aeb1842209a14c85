// Runs first in `npm install` (postinstall), `npm start` and `npm test`, on
// whatever Node the machine has, so it is CommonJS with no dependencies and
// no syntax newer than Node 12.
//
// Verdict needs Node 24 (the Node inside Electron 45; node:sqlite, the test
// runners). package.json brings it from the npm registry as an optional,
// platform-specific dependency, and npm scripts put node_modules/.bin first
// on PATH, so every script runs on that Node whatever the machine's is. Where
// npm had no such package for this platform, say so in one sentence instead
// of letting a script die later with a stack trace.
'use strict';

var REQUIRED_MAJOR = 24;
var major = Number(process.versions.node.split('.')[0]);
var afterInstall = process.argv.indexOf('--after-install') !== -1;

if (major >= REQUIRED_MAJOR) {
  if (afterInstall) {
    console.log(
      'Verdict: npm scripts run on Node ' + process.versions.node + ' (' + process.execPath + '); ' +
        'engine warnings above, if any, refer to the Node that ran npm itself and are harmless.'
    );
  }
  process.exit(0);
}

var path = require('path');
var fs = require('fs');
var bundled = path.join(__dirname, '..', 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
if (fs.existsSync(bundled)) {
  console.error(
    'Verdict needs Node.js ' + REQUIRED_MAJOR + ' and this is Node ' + process.versions.node +
      ': run it through npm ("npm start", "npm test", "npm run …"), which uses the Node ' + REQUIRED_MAJOR +
      ' that npm install put in node_modules/.bin.'
  );
  process.exit(1);
}
var platform = process.platform + '-' + process.arch;
console.error(
  'Verdict needs Node.js ' + REQUIRED_MAJOR + ', and the npm registry has no Node ' + REQUIRED_MAJOR +
    ' package for ' + platform + ' (this machine runs Node ' + process.versions.node + '): ' +
    'install Node ' + REQUIRED_MAJOR + ' from https://nodejs.org or with "nvm install ' + REQUIRED_MAJOR +
    '", then run the command again.'
);
// After install, a warning is enough: the packages are in place and the
// sentence above is repeated, with a failing exit, by `npm start` and `npm test`.
process.exit(afterInstall ? 0 : 1);
