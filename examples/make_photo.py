"""Draw the example clinic's "photo" of the seated march with pillow
(clinic-exercises/pictures/seated-march.jpg).

It is saved the way a phone saves a photo taken sideways: the pixels lie on
their side and the EXIF orientation tag says how to turn them, so the
example also shows makeplan turning photos upright and scaling them down.
"""

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 1200
random.seed(7)  # the same picture every time

photo = Image.new("RGB", (WIDTH, HEIGHT), (232, 226, 214))
draw = ImageDraw.Draw(photo)
# A wall that darkens towards the top, and a wooden floor.
for y in range(0, 860):
    shade = 200 + int(35 * y / 860)
    draw.line((0, y, WIDTH, y), fill=(shade, shade - 8, shade - 22))
draw.rectangle((0, 860, WIDTH, HEIGHT), fill=(150, 108, 70))
for x in range(-200, WIDTH, 170):
    draw.line((x, 860, x + 120, HEIGHT), fill=(132, 94, 60), width=4)

# A chair, seen from the side.
chair = (88, 62, 40)
draw.rectangle((560, 640, 900, 672), fill=chair)  # seat
draw.rectangle((872, 330, 900, 672), fill=chair)  # back post
draw.rectangle((580, 672, 604, 960), fill=chair)  # front leg
draw.rectangle((872, 672, 896, 960), fill=chair)  # back leg

# A person sitting tall, facing left, lifting the near knee.
skin, shirt, trousers = (214, 168, 132), (40, 110, 160), (52, 58, 80)
draw.ellipse((690, 250, 800, 370), fill=skin)  # head
draw.line((755, 380, 770, 640), fill=shirt, width=90)  # upright back
draw.line((730, 420, 640, 560), fill=shirt, width=34)  # arm, hand on the seat
draw.line((640, 560, 620, 640), fill=skin, width=26)
draw.line((760, 640, 560, 640), fill=trousers, width=64)  # far thigh, flat on the seat
draw.line((560, 640, 560, 940), fill=trousers, width=54)  # far shin to the floor
draw.line((760, 620, 560, 540), fill=trousers, width=70)  # near thigh, knee lifted
draw.line((560, 540, 540, 840), fill=trousers, width=58)  # near shin, foot off the floor
draw.ellipse((470, 930, 600, 975), fill=(30, 30, 30))  # far shoe on the floor
draw.ellipse((450, 830, 580, 875), fill=(30, 30, 30))  # near shoe, lifted

# Framed on the person, as a photographer would.
photo = photo.crop((330, 180, 1130, 1020))

# Soften the edges and add a little grain, as a camera would.
photo = photo.filter(ImageFilter.GaussianBlur(2))
grain = Image.effect_noise(photo.size, 12).convert("RGB")
photo = Image.blend(photo, grain, 0.06)

# Stored on its side with EXIF orientation 6 ("turn 90 degrees clockwise to view").
sideways = photo.transpose(Image.Transpose.ROTATE_90)
exif = Image.Exif()
exif[0x0112] = 6
target = Path(__file__).parent / "clinic-exercises" / "pictures" / "seated-march.jpg"
sideways.save(target, "JPEG", quality=82, exif=exif.tobytes())
