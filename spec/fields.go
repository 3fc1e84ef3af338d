package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"go.yaml.in/yaml/v3"

	"github.com/qmlgo/qml/circuit"
)

// Optimizer names an optimizer of package optim and sets some of its
// hyperparameters; the others keep optim.Defaults. In YAML the
// hyperparameters sit beside the name: {name: adam, lr: 0.05}.
type Optimizer struct {
	Name  string
	Hyper map[string]float64
}

// decodeNode reads {name: adam, lr: 0.05, …} or just "adam".
func (o *Optimizer) decodeNode(d *decoder, n *yaml.Node, path string) {
	if n.Kind == yaml.ScalarNode {
		d.lines[child(path, "name")] = n.Line
		o.Name = n.Value
		return
	}
	keys, values, ok := d.pairs(n, path, "an optimizer name or a mapping such as {name: adam, lr: 0.05}")
	if !ok {
		return
	}
	o.Hyper = map[string]float64{}
	for i, k := range keys {
		p := child(path, k.Value)
		d.lines[p] = k.Line
		if k.Value == "name" {
			d.decodeScalar(resolve(values[i]), reflectValue(&o.Name), p)
			continue
		}
		var v float64
		d.decodeScalar(resolve(values[i]), reflectValue(&v), p)
		o.Hyper[k.Value] = v
	}
}

// MarshalJSON writes the flat form {"name": "adam", "lr": 0.05}, name
// first and the hyperparameters in sorted order.
func (o Optimizer) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	name, err := json.Marshal(o.Name)
	if err != nil {
		return nil, err
	}
	b.WriteString(`{"name":`)
	b.Write(name)
	for _, k := range sortedKeys(o.Hyper) {
		key, _ := json.Marshal(k)
		v, err := json.Marshal(o.Hyper[k])
		if err != nil {
			return nil, fmt.Errorf("train.optimizer.%s: %w", k, err)
		}
		b.WriteByte(',')
		b.Write(key)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Angle is a number that a spec may also write as an expression of pi, such
// as "pi/2" or "2*pi" (circuit.ParseParam's syntax, constants only).
type Angle float64

// decodeNode reads a number or a constant angle expression.
func (a *Angle) decodeNode(d *decoder, n *yaml.Node, path string) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" {
		p, err := circuit.ParseParam(n.Value)
		if err != nil || !p.IsConst() || math.IsNaN(p.Const) || math.IsInf(p.Const, 0) {
			d.addAt(n.Line, path, "want a number or an expression such as pi/2, got %q", n.Value)
			return
		}
		*a = Angle(p.Const)
		return
	}
	var v float64
	d.decodeScalar(n, reflectValue(&v), path)
	*a = Angle(v)
}
