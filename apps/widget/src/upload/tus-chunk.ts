// `tus-upload.js` (with tus-js-client): loaded by the upload queue for files above the tus threshold.
export { tusTransport } from '@satchel/upload-client/tus';
