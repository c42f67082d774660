/** A drawn face for the children's FFT (emoji vary by phone and are missing on some). Decorative: the label says it in words. */
export interface FaceProps {
  /** FFT value: veryGood … veryPoor, or dontKnow. */
  mood: string;
}

const MOUTH_CURVE: Record<string, number> = { veryGood: 9, good: 5, neither: 0, poor: -5, veryPoor: -9 };

export function Face({ mood }: FaceProps) {
  const curve = MOUTH_CURVE[mood];
  return (
    <svg class="face" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="18" fill="#ffdd00" stroke="#0b0c0c" stroke-width="2" />
      {curve === undefined ? (
        <text x="20" y="27" text-anchor="middle" font-size="20" font-weight="700">
          ?
        </text>
      ) : (
        <>
          <circle cx="14" cy="16" r="2.5" />
          <circle cx="26" cy="16" r="2.5" />
          <path d={`M12 ${curve < 0 ? 30 : 25}q8 ${curve} 16 0`} fill="none" stroke="#0b0c0c" stroke-width="2.5" stroke-linecap="round" />
        </>
      )}
    </svg>
  );
}
