'use strict';
// require('csta-link/protocol'): see load.cjs.
module.exports = require('./load.cjs').load('csta-link/protocol', 'dist/protocol/index.js');
