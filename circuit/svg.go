package circuit

import (
	"fmt"
	"html"
	"io"
	"strings"
	"unicode/utf8"
)

// SVG geometry: a text character is svgChar pixels wide, wires are svgWire
// apart, gate boxes svgBox tall.
const (
	svgChar   = 9.0
	svgWire   = 48.0
	svgBox    = 32.0
	svgMargin = 12.0
)

// DrawSVG writes c to w as a standalone SVG image with the layout of Draw
// (same columns, wires, labels and glyphs, never folded): gates as boxes,
// control dots joined to their target, swaps as crosses, measurements as M
// boxes joined by a double line to the classical register, barriers as
// dashed grey bands, conditions as a double line to a labelled tag on the
// register. Labels are XML-escaped.
func (c *Circuit) DrawSVG(w io.Writer) error {
	d, err := newDiagram(c)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, d.svg())
	return err
}

// svgWriter accumulates the elements of one image.
type svgWriter struct {
	sb strings.Builder
}

func (s *svgWriter) printf(format string, args ...any) { fmt.Fprintf(&s.sb, format+"\n", args...) }

func (s *svgWriter) line(x1, y1, x2, y2 float64, extra string) {
	s.printf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"%s/>`, x1, y1, x2, y2, extra)
}

func (s *svgWriter) rect(x, y, w, h float64, extra string) {
	s.printf(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f"%s/>`, x, y, w, h, extra)
}

func (s *svgWriter) text(x, y float64, anchor, t string) {
	s.printf(`<text x="%.1f" y="%.1f" text-anchor="%s" dominant-baseline="central" stroke="none">%s</text>`, x, y, anchor, html.EscapeString(t))
}

// double draws the two strokes of a classical connector or wire.
func (s *svgWriter) double(x1, y1, x2, y2 float64) {
	if x1 == x2 {
		s.line(x1-1.5, y1, x2-1.5, y2, "")
		s.line(x1+1.5, y1, x2+1.5, y2, "")
		return
	}
	s.line(x1, y1-1.5, x2, y2-1.5, "")
	s.line(x1, y1+1.5, x2, y2+1.5, "")
}

// svg renders the diagram.
func (d *diagram) svg() string {
	labelW := 0
	for _, wr := range d.wires {
		labelW = max(labelW, utf8.RuneCountInString(wr.label)+1)
	}
	x0 := svgMargin + float64(labelW)*svgChar
	xs := make([]float64, len(d.layers)+1) // left edge of each layer
	xs[0] = x0
	for l, w := range d.widths {
		xs[l+1] = xs[l] + float64(w)*svgChar
	}
	width := xs[len(xs)-1] + svgMargin
	height := 2*svgMargin + float64(max(len(d.wires), 1))*svgWire
	y := func(w int) float64 { return svgMargin + (float64(w)+0.5)*svgWire }

	s := &svgWriter{}
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="monospace" font-size="14">`, width, height, width, height)
	s.printf(`<rect width="100%%" height="100%%" fill="white"/>`)
	s.printf(`<g stroke="black" stroke-width="1" fill="none">`)
	for w, wr := range d.wires {
		if wr.classical {
			s.double(x0, y(w), xs[len(xs)-1], y(w))
		} else {
			s.line(x0, y(w), xs[len(xs)-1], y(w), "")
		}
	}
	s.printf(`</g>`)
	s.printf(`<g stroke="black" stroke-width="1" fill="black">`)
	for w, wr := range d.wires {
		s.text(svgMargin, y(w), "start", wr.label)
	}
	for l, ops := range d.layers {
		cx := (xs[l] + xs[l+1]) / 2
		for _, k := range ops {
			d.svgOp(s, &d.ops[k], cx, y)
		}
	}
	s.printf(`</g>`)
	s.printf(`</svg>`)
	return s.sb.String()
}

// svgOp draws one op centred on column x.
func (d *diagram) svgOp(s *svgWriter, do *drawOp, cx float64, y func(int) float64) {
	op := do.op
	half := svgBox / 2
	var top, bottom float64
	if len(do.targets) > 0 {
		top, bottom = y(do.targetsLo())-half, y(do.targetsHi())+half
	}
	box := func(label string) {
		w := float64(do.width) * svgChar
		s.rect(cx-w/2, top, w, bottom-top, ` fill="white"`)
		s.text(cx, (top+bottom)/2, "middle", label)
		if len(do.targets) > 1 {
			for k, q := range do.targets {
				s.text(cx-w/2+3, y(q), "start", itoa(k))
			}
		}
	}
	switch op.Kind {
	case BarrierOp:
		for _, q := range op.Qubits {
			s.rect(cx-4, y(q)-svgWire/2, 8, svgWire, ` fill="#ddd" stroke="none"`)
			s.line(cx, y(q)-svgWire/2, cx, y(q)+svgWire/2, ` stroke-dasharray="4 3"`)
		}
		return
	case ResetOp:
		box("|0⟩")
	case MeasureOp:
		yc := y(do.clWire)
		s.double(cx, bottom, cx, yc-4)
		s.printf(`<path d="M %.1f %.1f l -5 -7 h 10 z"/>`, cx, yc)
		s.text(cx, yc+14, "middle", do.clLabel)
		box("M")
	case GateOp:
		lo, hi := top, bottom
		for _, q := range do.controls {
			lo, hi = min(lo, y(q)), max(hi, y(q))
		}
		if do.swapCrosses() {
			lo, hi = min(lo, y(do.targetsLo())), max(hi, y(do.targetsHi()))
		}
		if len(do.controls) > 0 || do.swapCrosses() {
			s.line(cx, lo, cx, hi, "")
		}
		for _, q := range do.controls {
			s.printf(`<circle cx="%.1f" cy="%.1f" r="5"/>`, cx, y(q))
		}
		if do.swapCrosses() {
			for _, q := range do.targets {
				s.line(cx-6, y(q)-6, cx+6, y(q)+6, "")
				s.line(cx-6, y(q)+6, cx+6, y(q)-6, "")
			}
			top, bottom = y(do.targetsLo()), y(do.targetsHi())
		} else {
			box(do.label)
		}
	}
	if do.condWire >= 0 {
		yc := y(do.condWire)
		from := bottom
		if op.Kind == MeasureOp {
			from = y(do.clWire)
		}
		s.double(cx, from, cx, yc)
		w := float64(utf8.RuneCountInString(do.condLabel)+1) * svgChar
		s.rect(cx-w/2, yc-10, w, 20, ` fill="white"`)
		s.text(cx, yc, "middle", do.condLabel)
	}
}
