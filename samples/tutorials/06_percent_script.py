# %% [markdown]
# # A jupytext percent script
#
# Each `# %%` line starts a cell; docnb runs the code cells in one kernel.

# %%
import json

record = {"name": "docnb", "formats": ["md", "rst", "py"]}

# %% Serialise it
text = json.dumps(record, sort_keys=True)
print(text)

# %% tags=["raises-exception"]
json.loads("{not json")
