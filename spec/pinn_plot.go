package spec

import (
	"bytes"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/qmlgo/qml/classical"
)

// pinnCurve is one line of pinn.png.
type pinnCurve struct {
	label string
	xy    plotter.XYs
	c     color.Color
	dash  []vg.Length
}

// pinnPlot draws pinn.png: u(x) of the network against the exact solution,
// then the residual m u″ + μ u′ + k u and the error u − u_exact, each
// against x, side by side.
func pinnPlot(name string, p *classical.PINN) ([]byte, error) {
	xs := classical.Grid(p.Lo, p.Hi, 501)
	u, exact, res, errs := make(plotter.XYs, len(xs)), make(plotter.XYs, len(xs)), make(plotter.XYs, len(xs)), make(plotter.XYs, len(xs))
	for i, x := range xs {
		v, dv, d2v, err := p.U(x)
		if err != nil {
			return nil, err
		}
		r, _ := p.ODE.Residual(x, v, dv, d2v)
		e := p.ODE.Exact(x)
		u[i], exact[i], res[i], errs[i] = plotter.XY{X: x, Y: v}, plotter.XY{X: x, Y: e}, plotter.XY{X: x, Y: r}, plotter.XY{X: x, Y: v - e}
	}
	blue := color.RGBA{R: 31, G: 119, B: 180, A: 255}
	grey := color.RGBA{R: 120, G: 120, B: 120, A: 255}
	panel := func(title, ylabel string, curves ...pinnCurve) (*plot.Plot, error) {
		pl := plot.New()
		pl.Title.Text = title
		pl.X.Label.Text = "x"
		pl.Y.Label.Text = ylabel
		pl.Add(plotter.NewGrid())
		for _, c := range curves {
			l, err := plotter.NewLine(c.xy)
			if err != nil {
				return nil, err
			}
			l.Color, l.Dashes, l.Width = c.c, c.dash, vg.Points(1.5)
			pl.Add(l)
			if c.label != "" {
				pl.Legend.Add(c.label, l)
			}
		}
		return pl, nil
	}
	sol, err := panel(name+": u(x)", "u", pinnCurve{"PINN", u, blue, nil}, pinnCurve{"exact", exact, grey, []vg.Length{vg.Points(4), vg.Points(3)}})
	if err != nil {
		return nil, err
	}
	rp, err := panel("residual m u″ + μ u′ + k u", "residual", pinnCurve{"", res, blue, nil})
	if err != nil {
		return nil, err
	}
	ep, err := panel("error u − u_exact", "error", pinnCurve{"", errs, blue, nil})
	if err != nil {
		return nil, err
	}
	panels := []*plot.Plot{sol, rp, ep}
	const w, h = 4.5 * vg.Inch, 3.5 * vg.Inch
	img := vgimg.New(w*vg.Length(len(panels)), h)
	dc := draw.New(img)
	canvases := plot.Align([][]*plot.Plot{panels}, draw.Tiles{Rows: 1, Cols: len(panels), PadX: vg.Millimeter * 4}, dc)
	for j, pl := range panels {
		pl.Draw(canvases[0][j])
	}
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
