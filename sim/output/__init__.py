"""The output layer: results folders, manifests, replay, tables, report text and figures.

May import the engine, the case, the scenario language and the analyses;
never the API or the command line. Figures read results, never the reverse:
nothing here but ``figures/`` imports ``figures``.

- ``results``: writes a run's folder (``write_run``, ``write_data``) and a comparison's;
- ``folders``, ``swap``, ``kinds``: where and how a folder is written atomically, and
  what counts as a folder of this tool;
- ``manifest``: where a run came from and the SHA-256 of every data file; reading one, checked;
- ``tables``: the outcome table as CSV or Parquet, and digests;
- ``runs``: reading a results folder back (``Run``, ``load_run``), checked;
- ``replay``: checking a folder against its manifest and re-running it;
- ``budget``: how many worlds fit in memory;
- ``report``, ``calibration``: text for the command line;
- ``figures/``: the figures, one module per figure.
"""
