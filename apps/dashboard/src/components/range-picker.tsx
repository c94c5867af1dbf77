import { PRESETS, type TimeRange } from '../range';

/** 15 min … 7 d buttons plus a custom from/to pair (local time). */
export function RangePicker({ value, onChange }: { value: TimeRange; onChange(range: TimeRange): void }) {
  const toInput = (ms: number | undefined) =>
    ms === undefined ? '' : new Date(ms - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const fromInput = (text: string) => (text ? new Date(text).getTime() : undefined);
  return (
    <div class="range" role="group" aria-label="Time range">
      {PRESETS.map((preset) => (
        <button
          type="button"
          key={preset.id}
          aria-pressed={value.preset === preset.id}
          onClick={() => onChange({ preset: preset.id })}
        >
          {preset.label}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={value.preset === 'custom'}
        onClick={() => onChange({ preset: 'custom', from: Date.now() - 3_600_000, to: Date.now() })}
      >
        Custom
      </button>
      {value.preset === 'custom' && (
        <span class="custom-range">
          <label>
            From{' '}
            <input
              type="datetime-local"
              value={toInput(value.from)}
              onChange={(event) => onChange({ ...value, from: fromInput(event.currentTarget.value) })}
            />
          </label>
          <label>
            To{' '}
            <input
              type="datetime-local"
              value={toInput(value.to)}
              onChange={(event) => onChange({ ...value, to: fromInput(event.currentTarget.value) })}
            />
          </label>
        </span>
      )}
    </div>
  );
}
