package spec

import (
	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/vqc"
)

// The matrix product state simulator as a training backend (backend: mps):
// unbounded bond dimension with mps.DefaultCutoff, so it is exact to about
// 1e-12 and differs from the state vector only in cost. It has no adjoint
// sweep; vqc differentiates it by the parameter-shift rule.
func init() {
	backends["mps"] = func() vqc.Backend { return &mps.Simulator{} }
}
