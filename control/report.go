package control

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// BasisLabels names the basis states of a composite system as kets with
// mode 0 rightmost, "|10⟩" being mode 1 in level 1 and mode 0 in level 0
// (index 2 for two qubits).
func BasisLabels(levels []int) []string {
	out := make([]string, Dim(levels))
	for n := range out {
		var b strings.Builder
		b.WriteString("|")
		digits := make([]string, len(levels))
		m := n
		for k, l := range levels {
			digits[len(levels)-1-k] = strconv.Itoa(m % l)
			m /= l
		}
		sep := ""
		for _, l := range levels {
			if l > 10 {
				sep = ","
			}
		}
		b.WriteString(strings.Join(digits, sep))
		b.WriteString("⟩")
		out[n] = b.String()
	}
	return out
}

// SliceSignals returns, per channel, the control applied on each slice:
// the mean of the slice's node samples.
func (ev *Evolution) SliceSignals() [][]complex128 {
	n := len(ev.States) - 1
	out := make([][]complex128, len(ev.Signals))
	for ch, sig := range ev.Signals {
		q := len(sig) / max(n, 1)
		out[ch] = make([]complex128, n)
		for i := range n {
			var s complex128
			for k := range q {
				s += sig[i*q+k]
			}
			out[ch][i] = s / complex(float64(q), 0)
		}
	}
	return out
}

// WriteCSV writes one row per slice: its start and end times, each
// channel's control (real and imaginary parts, the slice mean of c(t)) and
// the population of each basis state at the slice's end (see Populations),
// under a header naming the columns (labels name the basis states; nil
// numbers them).
func (ev *Evolution) WriteCSV(w io.Writer, labels []string) error {
	bw := bufio.NewWriter(w)
	pops := ev.Populations()
	head := []string{"t_start", "t_end"}
	for _, c := range ev.Channels {
		head = append(head, c+".re", c+".im")
	}
	for i := range pops[0] {
		name := fmt.Sprintf("P%d", i)
		if i < len(labels) {
			name = "P" + labels[i]
		}
		head = append(head, name)
	}
	fmt.Fprintln(bw, csvRow(head))
	sig := ev.SliceSignals()
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', 10, 64) }
	for n := 0; n+1 < len(ev.Times); n++ {
		row := []string{g(ev.Times[n]), g(ev.Times[n+1])}
		for ch := range sig {
			row = append(row, g(real(sig[ch][n])), g(imag(sig[ch][n])))
		}
		for _, p := range pops[n+1] {
			row = append(row, g(p))
		}
		fmt.Fprintln(bw, strings.Join(row, ","))
	}
	return bw.Flush()
}

// csvRow quotes fields that need it.
func csvRow(fields []string) string {
	out := make([]string, len(fields))
	for i, f := range fields {
		if strings.ContainsAny(f, ",\"\n") {
			f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		out[i] = f
	}
	return strings.Join(out, ",")
}
