package circuit

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Draw writes a text diagram of c to w in the style of Qiskit's text
// drawer: one wire per qubit, qubit 0 on top, labelled by register ("q_0");
// one double wire per classical register below ("c: 2/"); gates as boxes
// with their name and angles (multiples of π as π/2, other constants to 4
// significant digits, symbols as θ[i] and x[j]); control dots ■ joined to
// the target's box; swaps as X–X; measurements as M boxes with a double line
// to the register, marked ╩ above the bit's index; resets as |0>; barriers
// as ░; a classical condition as a double line to its register, marked
// ╡=3╞ (or ╡[1]=1╞ for one bit of it). Each op goes in the earliest column
// free on every wire its drawing spans.
//
// A diagram wider than width characters folds into pages of at most width
// (a single column wider than that gets a page of its own), each ending in »
// and continued after « on the next; width ≤ 0 never folds.
//
// Draw returns c.Err() for a circuit that failed to build, and errors from w.
func (c *Circuit) Draw(w io.Writer, width int) error {
	d, err := newDiagram(c)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, d.text(width))
	return err
}

// text renders the diagram, folded at width.
func (d *diagram) text(width int) string {
	labelW := 0
	for _, wr := range d.wires {
		labelW = max(labelW, utf8.RuneCountInString(wr.label+wr.suffix()))
	}
	var out strings.Builder
	avail := 0 // never fold
	if width > 0 {
		avail = max(1, width-labelW-2) // the labels and the » « take the rest
	}
	pages := d.pages(avail)
	for p, layers := range pages {
		rows := make([][]rune, 3*len(d.wires))
		for i := range rows {
			rows[i] = d.labelCell(i, labelW, p > 0)
		}
		for _, l := range layers {
			block := d.column(l)
			for i := range rows {
				rows[i] = append(rows[i], block[i]...)
			}
		}
		if p < len(pages)-1 {
			for i := range rows {
				if d.wireRow(i) {
					rows[i] = append(rows[i], '»')
				}
			}
		}
		if p > 0 {
			out.WriteString("\n")
		}
		for _, r := range rows {
			out.WriteString(strings.TrimRight(string(r), " ") + "\n")
		}
	}
	return out.String()
}

// pages splits the layers into runs whose widths add up to at most avail;
// avail ≤ 0 gives one page.
func (d *diagram) pages(avail int) [][]int {
	all := make([]int, len(d.layers))
	for i := range all {
		all[i] = i
	}
	if avail <= 0 || total(d.widths) <= avail {
		return [][]int{all}
	}
	var pages [][]int
	var cur []int
	used := 0
	for _, l := range all {
		if len(cur) > 0 && used+d.widths[l] > avail {
			pages = append(pages, cur)
			cur, used = nil, 0
		}
		cur = append(cur, l)
		used += d.widths[l]
	}
	return append(pages, cur)
}

func total(ws []int) int {
	n := 0
	for _, w := range ws {
		n += w
	}
	return n
}

// Each wire has three text rows: 3w above it, 3w+1 the wire itself, 3w+2
// below it.
func wireOf(row int) int { return row / 3 }

// wireRow reports whether text row i carries a wire.
func (d *diagram) wireRow(i int) bool { return i%3 == 1 }

// labelCell is the start of text row i: the wire's label on its wire row,
// then « on a continued page.
func (d *diagram) labelCell(i, labelW int, continued bool) []rune {
	cell := []rune(strings.Repeat(" ", labelW))
	if d.wireRow(i) {
		wr := d.wires[wireOf(i)]
		copy(cell, []rune(wr.label+wr.suffix()))
		if continued {
			cell = append(cell, '«')
		}
	} else if continued {
		cell = append(cell, ' ')
	}
	return cell
}

// suffix separates a wire's label from the wire: "q_0: ─", "c: 2/═".
func (wr drawWire) suffix() string {
	if wr.classical {
		return ""
	}
	return ": "
}

// fill is the character of text row i where nothing is drawn.
func (d *diagram) fill(i int) rune {
	switch {
	case !d.wireRow(i):
		return ' '
	case d.wires[wireOf(i)].classical:
		return '═'
	}
	return '─'
}

// column draws layer l as a block of text rows.
func (d *diagram) column(l int) [][]rune {
	w := d.widths[l]
	block := make([][]rune, 3*len(d.wires))
	for i := range block {
		block[i] = []rune(strings.Repeat(string(d.fill(i)), w))
	}
	g := &textGrid{d: d, block: block, cx: w / 2}
	for _, k := range d.layers[l] {
		g.op(&d.ops[k])
	}
	return block
}

// textGrid draws ops into a column block around its centre column cx.
type textGrid struct {
	d     *diagram
	block [][]rune
	cx    int
}

func (g *textGrid) put(row, col int, r rune) { g.block[row][col] = r }

// vertical draws a connector at the centre on rows from..to inclusive,
// crossing wires with ┼ ╪ (single) or ╫ ╬ (double).
func (g *textGrid) vertical(from, to int, double bool) {
	for i := from; i <= to; i++ {
		var r rune
		switch c := g.d.fill(i); {
		case c == '─' && double:
			r = '╫'
		case c == '─':
			r = '┼'
		case c == '═' && double:
			r = '╬'
		case c == '═':
			r = '╪'
		case double:
			r = '║'
		default:
			r = '│'
		}
		g.put(i, g.cx, r)
	}
}

// text writes s centred on the column at row.
func (g *textGrid) text(row int, s string) {
	rs := []rune(s)
	start := g.cx - len(rs)/2
	copy(g.block[row][start:], rs)
}

// op draws one placed op; it returns nothing, the layout having checked it.
func (g *textGrid) op(do *drawOp) {
	op := do.op
	// top and bottom are the first and last rows of the quantum part.
	top, bottom := 3*do.targetsLo(), 3*do.targetsHi()+2
	switch op.Kind {
	case BarrierOp:
		for _, q := range op.Qubits {
			for i := 3 * q; i < 3*q+3; i++ {
				g.put(i, g.cx, '░')
			}
		}
		return
	case ResetOp:
		g.text(3*op.Qubits[0]+1, "|0>")
		top, bottom = 3*op.Qubits[0]+1, 3*op.Qubits[0]+1
	case MeasureOp:
		g.box(do.targets, "M", false)
		g.put(bottom, g.cx, '╥')
		row := 3*do.clWire + 1
		g.vertical(bottom+1, row-1, true)
		g.put(row, g.cx, '╩')
		g.text(row+1, do.clLabel)
	case GateOp:
		if do.swapCrosses() {
			for _, q := range do.targets {
				g.put(3*q+1, g.cx, 'X')
			}
			g.vertical(3*do.targetsLo()+2, 3*do.targetsHi(), false)
			top, bottom = 3*do.targetsLo()+1, 3*do.targetsHi()+1
		} else {
			g.box(do.targets, do.label, true)
		}
		for _, q := range do.controls {
			row := 3*q + 1
			g.put(row, g.cx, '■')
			switch {
			case row < top:
				g.vertical(row+1, top-1, false)
				g.join(top, '┴')
			case row > bottom:
				g.vertical(bottom+1, row-1, false)
				g.join(bottom, '┬')
			}
		}
	}
	if do.condWire >= 0 {
		row := 3*do.condWire + 1
		lo := bottom + 1
		if op.Kind == MeasureOp {
			lo = 3*do.clWire + 2
		} else {
			g.join(bottom, '╥')
		}
		g.vertical(lo, row-1, true)
		g.text(row, "╡"+do.condLabel+"╞")
	}
}

// join marks where a connector meets a box edge (a box's top or bottom row);
// on a wire row (a dot, a cross) nothing changes.
func (g *textGrid) join(row int, r rune) {
	if !g.d.wireRow(row) {
		g.put(row, g.cx, r)
	}
}

// targetsLo and targetsHi are the outermost target wires.
func (do *drawOp) targetsLo() int {
	lo := do.targets[0]
	for _, q := range do.targets {
		lo = min(lo, q)
	}
	return lo
}

func (do *drawOp) targetsHi() int {
	hi := do.targets[0]
	for _, q := range do.targets {
		hi = max(hi, q)
	}
	return hi
}

// box draws a gate box around the target wires with label; padded puts a
// space each side of the label (the M of a measurement has none). A box on
// several qubits spans every wire between them and numbers its arguments.
func (g *textGrid) box(targets []int, label string, padded bool) {
	lo, hi := targets[0], targets[0]
	for _, q := range targets {
		lo, hi = min(lo, q), max(hi, q)
	}
	inner := utf8.RuneCountInString(label)
	if padded {
		inner += 2
	}
	digits := 0
	if len(targets) > 1 {
		digits = len(itoa(len(targets) - 1))
		inner += digits
	}
	left := g.cx - (inner+2)/2
	right := left + inner + 1
	top, bottom := 3*lo, 3*hi+2
	for i := top; i <= bottom; i++ {
		for j := left + 1; j < right; j++ {
			g.put(i, j, ' ')
		}
		g.put(i, left, '│')
		g.put(i, right, '│')
	}
	for j := left + 1; j < right; j++ {
		g.put(top, j, '─')
		g.put(bottom, j, '─')
	}
	g.put(top, left, '┌')
	g.put(top, right, '┐')
	g.put(bottom, left, '└')
	g.put(bottom, right, '┘')
	for k, q := range targets {
		row := 3*q + 1
		g.put(row, left, '┤')
		g.put(row, right, '├')
		if len(targets) > 1 {
			copy(g.block[row][left+1:], []rune(itoa(k)))
		}
	}
	row := (top + bottom) / 2
	start := left + 1 + digits
	if padded {
		start++
	}
	copy(g.block[row][start:], []rune(label))
}
