"""The engine's release, in a leaf module: the pipeline, the summary cache and the pages
read it from here, so none of them imports the package root (which imports the pipeline).
"""

__version__ = "0.1.0"
