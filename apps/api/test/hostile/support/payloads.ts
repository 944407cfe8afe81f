import { zipOf } from '@satchel/testing';
import { PNG } from '../../support/files';

/** Magic-byte heads of real formats, padded so the content check sees a full head. */
export const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(600, 0x11),
  Buffer.from('ffd9', 'hex'),
]);
export const GIF_JS = Buffer.from(
  'GIF89a/*\x01\x00\x01\x00\x00\xff\x00,*/=alert(document.domain);//;',
  'latin1',
);
export const ELF = Buffer.concat([
  Buffer.from('7f454c46020101000000000000000000', 'hex'),
  Buffer.alloc(512, 0),
]);
export const PE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58, 0),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(64, 0),
  Buffer.from('PE\0\0'),
  Buffer.alloc(400, 0),
]);
export const PDF_HTML = Buffer.from(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n<html><body><script>alert(1)</script></body></html>\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n',
  'latin1',
);
export const SVG_SCRIPT = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>',
);
export const SVG_XXE = Buffer.from(
  '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>',
);
export const EICAR = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
export const HTML_LATE = Buffer.from(
  `${'report line\n'.repeat(30)}<iframe src="javascript:alert(1)"></iframe>`,
);
export const UTF16_TEXT = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hello world', 'utf16le')]);
export const PNG_THEN_HTML = Buffer.concat([PNG, Buffer.from('<html><script>alert(1)</script></html>')]);

/** A one-entry zip of `data`, deflated at level 9: enough for a real unzip tool. */
const zipOne = (name: string, data: Buffer): Buffer => zipOf({ [name]: data }, { deflate: true, level: 9 });

/** Deflates 50 MiB of zeros into a few KiB: a zip bomb if anything ever unpacked it. */
export const ZIP_BOMB = zipOne('zeros.bin', Buffer.alloc(50 * 1024 * 1024));
export const JPEG_ZIP = Buffer.concat([JPEG, zipOne('x.php', Buffer.from('<?php system($_GET["c"]); ?>'))]);
export const JPEG_PHP = Buffer.concat([JPEG, Buffer.from('<?php system($_GET["c"]); ?>')]);
