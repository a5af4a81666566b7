"""The knee hug's first frame (lying flat, legs together, arms by the sides) and the
faint start of its key frame: the far arm and leg lie exactly behind the near ones.

Drawn 2 degrees off them, the far leg showed past the near one as a thin gray sliver
along the shin and a gray arc over the toes, and a blinded describer and a clinical
reviewer both reported "stray marks near the feet".
"""

import math

from makeplan.pictograms import packaged_pictogram


def test_the_far_limbs_lie_behind_the_near_ones_when_lying_flat() -> None:
    picture = packaged_pictogram("knee-hug-side-tilt")
    assert picture is not None
    lying = picture.joints[0]
    for joint in ("elbow", "hand", "knee", "ankle", "toe"):
        assert math.dist(lying[f"near_{joint}"], lying[f"far_{joint}"]) < 1e-6, joint
