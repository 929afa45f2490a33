// mammoth's browser build opens a DOCX from an ArrayBuffer only, with its own zip reader. proselens
// hands it the archive already unpacked and checked within the zip limits (src/ingest/zip.ts), as
// the Node build allows: this module stands in for mammoth's browser unzip in the app's bundle.
var promises = require('mammoth/lib/promises')

exports.openZip = function openZip(options) {
  return options.file ? promises.resolve(options.file) : promises.reject(new Error('Could not find file in options'))
}
