// Drawing a frame on the canvas: CartPole from its state (Gymnasium's picture: track, cart, pole, axle on white,
// 600×400), other envs from the image the server sent (RGB, or palette indices mapped through the palette).

import { inflate } from './protocol.js';

const CARTPOLE = { width: 600, height: 400, worldWidth: 4.8, poleLength: 1.0, poleWidth: 10, cartWidth: 50, cartHeight: 30, cartY: 100 };

function paintCartPole(ctx, { x, theta }) {
  const g = CARTPOLE;
  ctx.canvas.width = g.width;
  ctx.canvas.height = g.height;
  const scale = g.width / g.worldWidth;
  // Canvas rows run downwards; Gymnasium's y runs up from the bottom edge.
  const cartX = x * scale + g.width / 2;
  const cartTop = g.height - g.cartY - g.cartHeight / 2;
  const axleY = g.height - (g.cartY + g.cartHeight / 4);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, g.width, g.height);
  ctx.fillStyle = '#000';
  // The track covers the one pixel row whose centre lies on it, as the server's rasteriser does.
  ctx.fillRect(0, Math.round(g.height - g.cartY - 0.5), g.width, 1);
  ctx.fillRect(cartX - g.cartWidth / 2, cartTop, g.cartWidth, g.cartHeight);
  ctx.save();
  ctx.translate(cartX, axleY);
  ctx.rotate(theta);
  ctx.fillStyle = 'rgb(202,152,101)';
  const poleLen = scale * g.poleLength;
  ctx.fillRect(-g.poleWidth / 2, -(poleLen - g.poleWidth / 2), g.poleWidth, poleLen);
  ctx.restore();
  ctx.fillStyle = 'rgb(129,132,203)';
  ctx.beginPath();
  ctx.arc(cartX, axleY, g.poleWidth / 2, 0, 2 * Math.PI);
  ctx.fill();
}

async function paintImage(ctx, image, payload, palette) {
  const pixels = await inflate(payload);
  const { width, height, format } = image;
  const rgba = new Uint8ClampedArray(width * height * 4);
  if (format === 'indexed') {
    for (let i = 0; i < width * height; i++) {
      const p = 3 * pixels[i];
      rgba.set([palette[p], palette[p + 1], palette[p + 2], 255], 4 * i);
    }
  } else {
    for (let i = 0; i < width * height; i++) {
      rgba[4 * i] = pixels[3 * i];
      rgba[4 * i + 1] = pixels[3 * i + 1];
      rgba[4 * i + 2] = pixels[3 * i + 2];
      rgba[4 * i + 3] = 255;
    }
  }
  if (ctx.canvas.width !== width || ctx.canvas.height !== height) {
    ctx.canvas.width = width;
    ctx.canvas.height = height;
  }
  ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
}

/** Draws a frame message (header and payload) on the 2D context; indexed images through `palette` (768 numbers). */
export async function paint(ctx, header, payload, palette) {
  if (header.scene) paintCartPole(ctx, header.scene);
  else if (header.image) await paintImage(ctx, header.image, payload, palette);
}
