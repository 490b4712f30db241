'use strict';
// require('csta-link'): see load.cjs.
module.exports = require('./load.cjs').load('csta-link', 'dist/lib/index.js');
