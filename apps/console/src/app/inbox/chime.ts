let audio: AudioContext | null = null;

/** A short two-note chime for a new message (Web Audio; silent where the browser forbids it). */
export function chime(): void {
  try {
    audio ??= new AudioContext();
    const ctx = audio;
    [880, 1320].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const at = ctx.currentTime + i * 0.12;
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.08, at);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.25);
    });
  } catch {
    // No audio output (or not allowed before a user gesture): the other alerts still show.
  }
}
