package bench

import (
	"fmt"
	"io"
	"strings"
)

// SimMarkdown writes the results as one Markdown table: per circuit, every
// engine's median wall time, ns per gate per amplitude, speed-up over
// itsubaki/q in wall time and in processor time, and ratio to the
// streaming-copy floor.
func SimMarkdown(w io.Writer, results []SimResult) error {
	var b strings.Builder
	b.WriteString("| circuit | qubits | gates | engine | median time (ms) | ns/gate/amp | × itsubaki/q | × itsubaki/q (CPU) | floor ratio | notes |\n")
	b.WriteString("|---|---:|---:|---|---:|---:|---:|---:|---:|---|\n")
	for _, r := range results {
		cells := []string{r.Circuit, fmt.Sprint(r.Qubits), fmt.Sprint(r.Gates), r.Engine, "—", "—", "—", "—", "—", ""}
		switch {
		case r.Skipped != "":
			cells[9] = "skipped: " + r.Skipped
		case r.Error != "":
			cells[9] = "error: " + strings.ReplaceAll(firstLine(r.Error), "|", `\|`)
		default:
			cells[4] = fmt.Sprintf("%.4g", r.Seconds*1e3)
			if r.NsPerGateAmp > 0 {
				cells[5] = fmt.Sprintf("%.3g", r.NsPerGateAmp)
			}
			if r.SpeedupVsPeer > 0 {
				cells[6] = fmt.Sprintf("%.3g", r.SpeedupVsPeer)
			}
			if r.SpeedupVsPeerCPU > 0 {
				cells[7] = fmt.Sprintf("%.3g", r.SpeedupVsPeerCPU)
			}
			if r.FloorRatio > 0 {
				cells[8] = fmt.Sprintf("%.3g", r.FloorRatio)
				cells[9] = fmt.Sprintf("floor %.3g ms/pass on %d thread%s", r.FloorSeconds*1e3, r.Threads, plural(r.Threads))
			}
			if r.Fidelity > 0 {
				cells[9] = fmt.Sprintf("fidelity ≈ %.6g (estimate)", r.Fidelity)
				if r.Fidelity < 1-1e-9 {
					cells[9] += ": truncated, an approximation"
				}
			}
		}
		fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// firstLine returns s up to its first newline.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// plural returns "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
