// A line chart on a canvas for one curve: points [x, y] arrive in x order (y null for a gap). Past MAX_POINTS,
// neighbouring points merge in pairs, as the server's series do, so a long run keeps its shape in bounded memory.

const MAX_POINTS = 4096;
const PAD = { left: 56, right: 12, top: 26, bottom: 24 };

export class Chart {
  constructor(canvas, title, colour = '#2f6fdd') {
    this.canvas = canvas;
    this.title = title;
    this.colour = colour;
    this.points = [];
    /** A y value drawn as a dashed line (the env's reward threshold), or null. */
    this.reference = null;
    this.dirty = true;
  }

  setReference(y) {
    this.reference = y;
    this.dirty = true;
  }

  /** Appends points ([x, y] with y a number or null). */
  add(points) {
    for (const p of points) this.points.push(p);
    while (this.points.length > MAX_POINTS) this.points = halve(this.points);
    this.dirty = true;
  }

  clear() {
    this.points = [];
    this.dirty = true;
  }

  draw() {
    if (!this.dirty) return;
    this.dirty = false;
    const { canvas } = this;
    const ctx = canvas.getContext('2d');
    const w = canvas.width;
    const h = canvas.height;
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = '#1d2330';
    ctx.font = '600 13px system-ui, sans-serif';
    const last = [...this.points].reverse().find((p) => p[1] !== null);
    ctx.fillText(`${this.title}${last ? `  ${format(last[1])}` : ''}`, PAD.left, 17);
    const finite = this.points.filter((p) => p[1] !== null);
    if (finite.length === 0) {
      ctx.fillStyle = '#6b7385';
      ctx.font = '12px system-ui, sans-serif';
      ctx.fillText('no data yet', PAD.left, h / 2);
      return;
    }
    let [x0, x1] = [finite[0][0], finite[finite.length - 1][0]];
    const ys = finite.map((p) => p[1]).concat(this.reference === null ? [] : [this.reference]);
    let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    if (x1 === x0) x1 = x0 + 1;
    if (y1 === y0) [y0, y1] = [y0 - 1, y1 + 1];
    const px = (x) => PAD.left + ((x - x0) / (x1 - x0)) * (w - PAD.left - PAD.right);
    const py = (y) => h - PAD.bottom - ((y - y0) / (y1 - y0)) * (h - PAD.top - PAD.bottom);
    ctx.strokeStyle = '#dde2ea';
    ctx.fillStyle = '#6b7385';
    ctx.font = '11px system-ui, sans-serif';
    ctx.lineWidth = 1;
    for (const y of [y0, (y0 + y1) / 2, y1]) {
      ctx.beginPath();
      ctx.moveTo(PAD.left, py(y));
      ctx.lineTo(w - PAD.right, py(y));
      ctx.stroke();
      ctx.fillText(format(y), 4, py(y) + 4);
    }
    ctx.fillText(format(x0), PAD.left, h - 6);
    const right = format(x1);
    ctx.fillText(right, w - PAD.right - ctx.measureText(right).width, h - 6);
    if (this.reference !== null) {
      ctx.save();
      ctx.setLineDash([5, 4]);
      ctx.strokeStyle = '#2b8a3e';
      ctx.beginPath();
      ctx.moveTo(PAD.left, py(this.reference));
      ctx.lineTo(w - PAD.right, py(this.reference));
      ctx.stroke();
      ctx.restore();
    }
    ctx.strokeStyle = this.colour;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    let pen = false;
    for (const [x, y] of this.points) {
      if (y === null) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(px(x), py(y));
      else ctx.moveTo(px(x), py(y));
      pen = true;
    }
    ctx.stroke();
  }
}

function halve(points) {
  const out = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const [a, b] = [points[i][1], points[i + 1][1]];
    out.push([points[i + 1][0], a === null || b === null ? (a ?? b) : (a + b) / 2]);
  }
  if (points.length % 2) out.push(points[points.length - 1]);
  return out;
}

function format(v) {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(2);
  return String(Math.round(v * 1000) / 1000);
}
