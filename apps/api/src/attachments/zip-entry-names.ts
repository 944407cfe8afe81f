/**
 * Names of a zip's entries: the files' display names, flat, made unique the way a desktop does
 * ("photo.png", "photo (2).png"); path separators and a leading dot never reach an unzipper.
 */
export function zipEntryNames(): (name: string) => string {
  const taken = new Set<string>();
  return (raw) => {
    const name = raw.replace(/[\\/\p{Cc}]/gu, '_').replace(/^\.+/, '_') || 'file';
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}
