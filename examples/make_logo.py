"""Draw the sample clinic logo used in the examples (a made-up clinic)."""

from pathlib import Path

from PIL import Image, ImageDraw

logo = Image.new("RGBA", (720, 200), (0, 0, 0, 0))
draw = ImageDraw.Draw(logo)
draw.ellipse((10, 10, 190, 190), fill=(20, 110, 160, 255))
draw.rectangle((80, 40, 120, 160), fill=(255, 255, 255, 255))
draw.rectangle((40, 80, 160, 120), fill=(255, 255, 255, 255))
draw.text((215, 62), "Riverside Physio", fill=(20, 110, 160, 255), font_size=64)
logo.save(Path(__file__).with_name("clinic-logo.png"), optimize=True)
