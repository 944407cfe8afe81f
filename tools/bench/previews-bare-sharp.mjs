// The benchmark's baseline: bare sharp, default settings, in its own process (so its peak RSS is
// its own). Each message is a JPEG; the answer comes once both WebP thumbnails are made.
import sharp from 'sharp';

const thumb = (input, box) =>
  sharp(input)
    .rotate()
    .resize(box, box, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();

process.on('message', async ({ id, input }) => {
  try {
    await thumb(input, 1280);
    await thumb(input, 256);
    process.send({ id, ok: true });
  } catch (err) {
    process.send({ id, ok: false, message: err.message });
  }
});
process.on('disconnect', () => process.exit(0));
