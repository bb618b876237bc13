// A 0-10 scale as eleven large buttons (pain or stretch intensity): one tap, keyboard operable,
// and each button says its number and meaning to a screen reader.

export function NrsButtons({
  label,
  low,
  high,
  value,
  onChoose,
  name,
}: {
  readonly label: string;
  readonly low: string;
  readonly high: string;
  readonly value: number | null;
  readonly onChoose: (n: number) => void;
  readonly name: string;
}) {
  return (
    <fieldset className="nrs">
      <legend>{label}</legend>
      <div className="nrs-row" role="group" aria-label={label}>
        {Array.from({ length: 11 }, (_, n) => (
          <button
            key={n}
            type="button"
            className={`nrs-button${value === n ? ' chosen' : ''}`}
            aria-pressed={value === n}
            aria-label={`${n}${n === 0 ? `, ${low}` : n === 10 ? `, ${high}` : ''}`}
            data-testid={`${name}-${n}`}
            onClick={() => onChoose(n)}
          >
            {n}
          </button>
        ))}
      </div>
      <div className="nrs-ends" aria-hidden="true">
        <span>0 = {low}</span>
        <span>10 = {high}</span>
      </div>
    </fieldset>
  );
}
