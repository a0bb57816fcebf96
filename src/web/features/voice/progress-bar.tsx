// A labelled progress bar (role progressbar with its value in words), determinate when the total is
// known, otherwise an indeterminate stripe that still says what has been done.
export function ProgressBar({ label, value, valueText, tone = "accent" }: { label: string; value: number | null; valueText: string; tone?: "accent" | "success" | "danger" }) {
  const percent = value === null ? null : Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      className={`vc-progress vc-progress--${tone}${percent === null ? " is-indeterminate" : ""}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(percent === null ? {} : { "aria-valuenow": percent })}
      aria-valuetext={valueText}
    >
      <span className="vc-progress__fill" style={percent === null ? undefined : { width: `${percent}%` }} />
    </div>
  );
}
