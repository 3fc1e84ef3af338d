package figure

import (
	"bytes"
	"image/color"
	"image/png"
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TestPanelRange checks which lines reach the plot, by the x range they
// set: an empty line is skipped, markers count like lines, and a NaN point
// is an error.
func TestPanelRange(t *testing.T) {
	xy := plotter.XYs{{X: 0, Y: 1}, {X: 2, Y: 2}}
	far := plotter.XYs{{X: -1, Y: 1}, {X: 5, Y: 2}}
	for _, tc := range []struct {
		name       string
		lines      []Line
		xmin, xmax float64
		wantErr    bool
	}{
		{"one line", []Line{{Name: "a", XY: xy}}, 0, 2, false},
		{"unnamed markers", []Line{{XY: far, Points: true}}, -1, 5, false},
		{"points and line", []Line{{Name: "a", XY: xy, Points: true}, {Name: "b", XY: far}}, -1, 5, false},
		{"empty line skipped", []Line{{Name: "a"}, {Name: "b", XY: xy}}, 0, 2, false},
		{"NaN rejected", []Line{{Name: "a", XY: plotter.XYs{{X: math.NaN(), Y: 0}}}}, 0, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Panel("t", "x", "y", tc.lines...)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if err == nil && (p.X.Min != tc.xmin || p.X.Max != tc.xmax) {
				t.Errorf("x range [%v, %v], want [%v, %v]", p.X.Min, p.X.Max, tc.xmin, tc.xmax)
			}
		})
	}
}

// TestPNGSize checks the image is a PNG of cols·w × rows·h at vgimg's
// 96 dpi, with a nil plot leaving its tile empty.
func TestPNGSize(t *testing.T) {
	p, err := Panel("t", "x", "y", Line{Name: "a", XY: plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}}, Color: color.Black})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name         string
		grid         [][]*plot.Plot
		wantW, wantH int
	}{
		{"one panel", [][]*plot.Plot{{p}}, 96, 72},
		{"row of three", [][]*plot.Plot{{p, p, p}}, 288, 72},
		{"two rows, one tile empty", [][]*plot.Plot{{p, p}, {p, nil}}, 192, 144},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := PNG(tc.grid, vg.Inch, 0.75*vg.Inch, draw.Tiles{PadX: vg.Millimeter})
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if r := img.Bounds(); r.Dx() != tc.wantW || r.Dy() != tc.wantH {
				t.Errorf("%d × %d pixels, want %d × %d", r.Dx(), r.Dy(), tc.wantW, tc.wantH)
			}
		})
	}
}
