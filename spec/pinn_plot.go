package spec

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/spec/figure"
)

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
	sol, err := figure.Panel(name+": u(x)", "x", "u", figure.Line{Name: "PINN", XY: u, Color: blue},
		figure.Line{Name: "exact", XY: exact, Color: grey, Dashes: []vg.Length{vg.Points(4), vg.Points(3)}})
	if err != nil {
		return nil, err
	}
	rp, err := figure.Panel("residual m u″ + μ u′ + k u", "x", "residual", figure.Line{XY: res, Color: blue})
	if err != nil {
		return nil, err
	}
	ep, err := figure.Panel("error u − u_exact", "x", "error", figure.Line{XY: errs, Color: blue})
	if err != nil {
		return nil, err
	}
	return figure.PNG([][]*plot.Plot{{sol, rp, ep}}, 4.5*vg.Inch, 3.5*vg.Inch, draw.Tiles{PadX: vg.Millimeter * 4})
}
