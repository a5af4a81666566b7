"""The floor: the benchmark sheet drawn by hand with reportlab's canvas.

The same one-page sheet makeplan's benchmark builds (six exercises, each
5 reps x 2 sides x 3 times a day = 180 boxes, Helvetica), with every item
placed by hand: no layout engine, no checks, no pictures. Nothing can make
this sheet faster with reportlab, so makeplan's time is measured against it.

Run: python benchmarks/floor.py OUT.pdf
"""

from __future__ import annotations

import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
EXERCISES = [
    ("Knee hug with side tilt", "5 times each side, hold 5 seconds, 3 times a day",
     "Take care: Move slowly."),
    ("Single knee to chest", "5 times each side, hold 5 seconds, 3 times a day",
     "Take care: Pull gently. It should stretch, not hurt."),
    ("Buttock (glute) stretch", "5 times each side, hold 30 seconds, 3 times a day",
     "Take care: Pull gently, only as far as feels OK."),
    ("Hamstring stretch", "5 times each side, hold 30 seconds, 3 times a day",
     "Take care: Stop the stretch before it starts to hurt."),
    ("Seated twist", "5 times each side, 3 times a day",
     "Take care: Turn only as far as feels OK."),
    ("Warrior at the wall", "5 times each side, hold 5 seconds, 3 times a day",
     "Take care: Keep your back straight. Put your leg down if it hurts."),
]  # fmt: skip
# The three tiers of warning signs every sheet carries, in the short words of a
# compact panel: the same amount of text as makeplan's sheet, drawn by hand.
SAFETY = [
    "Emergency now: call an ambulance or go to a hospital if you have:",
    "numb or tingly around your genitals or bottom; trouble peeing, or cannot feel a full",
    "bladder; peeing or pooing yourself, not on purpose; pain, tingling, weak or numb in both",
    "legs; a leg getting weaker, or you are unsteady; changes in how sex feels; chest pain;",
    "pain after a bad fall or accident.",
    "See a doctor the same day: ask for an urgent appointment if you have: a high",
    "temperature, or hot and shivery; weight loss without trying; pain worse at night, or not",
    "eased by rest; a lump, swelling or new shape in your back; pain worse when you cough,",
    "sneeze or poo; had cancer, take steroids, or weak immune system.",
    "See a doctor soon: book an appointment if it is not getting better after a few weeks,",
    "or it stops you doing everyday things. Stop, or do less, if your pain gets worse.",
]


def draw(path: str) -> None:
    width, height = A4
    canvas = Canvas(path, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle("My back exercises")
    left, top = 12 * MM, height - 12 * MM
    canvas.setFont("Helvetica-Bold", 20)
    canvas.drawString(left, top - 20, "My back exercises")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(left + 100 * MM, top - 20, "Name:")
    canvas.line(left + 112 * MM, top - 21, left + 186 * MM, top - 21)
    canvas.drawString(left, top - 34, "Daily sheet for Monday 23 November 2026")
    y = top - 56
    canvas.rect(left, y - 12 * len(SAFETY) + 10, width - 24 * MM, 12 * len(SAFETY))
    for index, line in enumerate(SAFETY):
        canvas.setFont("Helvetica-Bold" if index == 0 else "Helvetica", 9)
        canvas.drawString(left + 4, y - index * 12, line)
    y -= 12 * len(SAFETY) + 20
    box, gap = 5.5 * MM, 1.8 * MM
    for name, dose, caution in EXERCISES:
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawString(left, y - 10, name)
        canvas.setFont("Helvetica", 9)
        canvas.drawString(left, y - 23, dose[: dose.index(",") + 1])
        canvas.drawString(left, y - 34, dose[dose.index(",") + 2 :])
        for session in range(3):
            row_y = y - session * (box + gap) - box
            canvas.drawString(left + 80 * MM, row_y + 4, f"Round {session + 1}")
            for side_index, side in enumerate(("Right", "Left")):
                column = left + 96 * MM + side_index * 45 * MM
                canvas.drawString(column, row_y + 4, side)
                for rep in range(5):
                    canvas.rect(column + 9 * MM + rep * (box + gap), row_y, box, box)
        canvas.drawString(left + 80 * MM, y - 3 * (box + gap) - 4 * MM, caution)
        y -= 3 * (box + gap) + 10 * MM
        canvas.line(left, y + 3 * MM, width - 12 * MM, y + 3 * MM)
    canvas.setFont("Helvetica", 8)
    canvas.drawString(left, 12 * MM, "More pain? Stop or do less.")
    canvas.showPage()
    canvas.save()


if __name__ == "__main__":
    draw(sys.argv[1] if len(sys.argv) > 1 else "floor.pdf")
