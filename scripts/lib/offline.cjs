// Preloaded into Electronegativity (scripts/check-security.ts) so it never
// touches the network: its release-notes check and its translation update
// would fetch from the internet, which our build machines cannot reach and
// which would make the result depend on the day. Every `got` request fails at
// once; the checks that wanted it report nothing, the same everywhere.
'use strict';
const Module = require('module');
const load = Module._load;
function offline() {
  return Promise.reject(new Error('offline: Verdict runs Electronegativity without network access'));
}
offline.head = offline;
offline.get = offline;
offline.extend = () => offline;
Module._load = function (request, ...rest) {
  if (request === 'got') return offline;
  return load.call(this, request, ...rest);
};
