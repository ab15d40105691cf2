import torchaudio

asr_train = torchaudio.datasets.LIBRISPEECH("./data", url="train-clean-100", download=True)
kws_val = torchaudio.datasets.SPEECHCOMMANDS("./data", subset="validation", download=True)
toy = torchaudio.datasets.YESNO("./data", download=True)
waveform, sample_rate, *_ = toy[0]
