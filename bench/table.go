package bench

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// TableOptions select what Markdown prints.
type TableOptions struct {
	// Times adds the wall-time column. Leave it out to compare tables of
	// runs on different machines or shards: every other number is fixed
	// by the suite and its seeds.
	Times bool
}

// Markdown writes the rows as one Markdown table per dataset, best test
// metric first. Each value is mean ± sample standard deviation over the
// seeds; "evals" counts circuit evaluations (quantum models) and "epochs"
// epochs or sweeps; a failed run shows its error in the last column.
func Markdown(w io.Writer, f *File, rows []Summary, opts TableOptions) error {
	var b strings.Builder
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Dataset == rows[i].Dataset {
			j++
		}
		writeDataset(&b, f, rows[i:j], opts)
		i = j
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeDataset writes one dataset's heading and table.
func writeDataset(b *strings.Builder, f *File, rows []Summary, opts TableOptions) {
	head := rows[0]
	fmt.Fprintf(b, "### %s", head.Dataset)
	for _, r := range rows {
		if r.TrainSize > 0 {
			fmt.Fprintf(b, " — %d train / %d test, sha256 %.12s", r.TrainSize, r.TestSize, r.DatasetSHA256)
			break
		}
	}
	fmt.Fprintf(b, " (split seed %d, seeds %s)\n\n", f.SplitSeed, seedList(f.Seeds))
	cols := []string{"#", "model", "kind", "family", "params", "metric", "train", "test"}
	align := []string{"---:", "---", "---", "---", "---:", "---", "---", "---"}
	if opts.Times {
		cols, align = append(cols, "mean time (s)"), append(align, "---:")
	}
	cols, align = append(cols, "evals", "epochs", "runs", "notes"), append(align, "---:", "---:", "---:", "---")
	fmt.Fprintf(b, "| %s |\n|%s|\n", strings.Join(cols, " | "), strings.Join(align, "|"))
	for i, r := range rows {
		family := "quantum"
		if r.Classical {
			family = "classical"
		}
		kind := r.Kind
		if r.Backend != "" {
			kind += " (" + r.Backend + ")"
		}
		rank := fmt.Sprint(i + 1)
		if r.Test.N == 0 {
			rank = "–"
		}
		metric := r.Metric.Name
		if metric == "" {
			metric = "—"
		}
		cells := []string{rank, r.Model, kind, family, fmt.Sprint(r.Parameters), metric, pm(r.Train, 3), pm(r.Test, 3)}
		if opts.Times {
			cells = append(cells, pmG(r.Wall))
		}
		evals := "—"
		if r.Evaluations.N > 0 && r.Evaluations.Mean > 0 {
			evals = fmt.Sprintf("%.3g", r.Evaluations.Mean)
		}
		epochs := "—"
		if r.Epochs.N > 0 {
			epochs = fmt.Sprintf("%.3g", r.Epochs.Mean)
		}
		cells = append(cells, evals, epochs, fmt.Sprintf("%d/%d", r.Runs-r.Failed, r.Runs), note(r))
		fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
	}
	b.WriteString("\n")
}

// pm formats a Stat as "mean ± std" with digits decimals, "—" when empty.
func pm(s Stat, digits int) string {
	if s.N == 0 || math.IsNaN(s.Mean) {
		return "—"
	}
	if s.N == 1 {
		return fmt.Sprintf("%.*f", digits, s.Mean)
	}
	return fmt.Sprintf("%.*f ± %.*f", digits, s.Mean, digits, s.Std)
}

// pmG formats a Stat's mean to 3 significant digits (times: their
// spread over seeds says little on a shared machine).
func pmG(s Stat) string {
	if s.N == 0 || math.IsNaN(s.Mean) {
		return "—"
	}
	return fmt.Sprintf("%.3g", s.Mean)
}

// note is a failed row's error, first line, with pipes escaped.
func note(r Summary) string {
	if r.Failed == 0 {
		return ""
	}
	msg, _, _ := strings.Cut(r.Error, "\n")
	if len(msg) > 160 {
		msg = msg[:157] + "…"
	}
	return fmt.Sprintf("%d failed: %s", r.Failed, strings.ReplaceAll(msg, "|", `\|`))
}

// seedList writes seeds compactly: "1–5" for a run, else "3, 8, 13".
func seedList(seeds []uint64) string {
	run := len(seeds) > 1
	for i := 1; i < len(seeds); i++ {
		run = run && seeds[i] == seeds[i-1]+1
	}
	if run {
		return fmt.Sprintf("%d–%d", seeds[0], seeds[len(seeds)-1])
	}
	parts := make([]string, len(seeds))
	for i, s := range seeds {
		parts[i] = fmt.Sprint(s)
	}
	return strings.Join(parts, ", ")
}
