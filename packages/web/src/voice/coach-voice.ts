// Spoken cues (Web Speech) and short beeps (Web Audio). Every spoken cue is also shown on screen as
// a caption by the caller; muting silences both sound channels, never the captions.

let audio: AudioContext | null = null;

export function speak(text: string, muted: boolean): void {
  if (muted || typeof speechSynthesis === 'undefined') return;
  try {
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.rate = 0.95;
    speechSynthesis.speak(u);
  } catch {
    // A browser without voices still shows the caption.
  }
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}

/** A short tone; must first be called from a tap on iOS/Safari (audio unlock). */
export function beep(muted: boolean, frequencyHz = 880, durationMs = 150): void {
  if (muted) return;
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = frequencyHz;
    gain.gain.value = 0.15;
    osc.connect(gain).connect(audio.destination);
    const t = audio.currentTime;
    osc.start(t);
    osc.stop(t + durationMs / 1000);
  } catch {
    // No audio output: the on-screen gauge still turns amber/red.
  }
}

/** Call from a tap so later beeps and speech are allowed on phones. */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
  } catch {
    /* no audio on this device */
  }
}
