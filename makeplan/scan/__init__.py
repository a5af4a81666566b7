"""Reading a photo or scan of a printed sheet: its ticks and pain marks, as form values.

The package owns everything about images of paper; OpenCV, numpy and zxing-cpp
are used here and nowhere else, and only when a photo is read (the `scan`
extra). Its modules, each one concern:

- `engines`: importing the extra's libraries, or one line saying how to install them
- `images`: opening JPEG, PNG, TIFF, HEIC and PDF scans as grey pages
- `locate`: finding the four corner markers and the QR code; the page's number,
  its sheet, and the homography from the image to the page's points
- `measure`: how much ink is in each box, against the page's own paper and print
- `decide`: pure: a box's measures -> ticked, empty or unclear; a scale -> a number
- `review`: the review images (each box outlined by what was read)
- `reading`: the job, as steps: open the sheets, read each image, check, merge
"""
