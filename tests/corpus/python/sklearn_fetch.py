from sklearn import datasets
from sklearn.datasets import fetch_openml
from sklearn.model_selection import train_test_split

faces = datasets.fetch_lfw_people(min_faces_per_person=70, resize=0.4)
X, y = fetch_openml("mnist_784", version=1, return_X_y=True, as_frame=False)
flowers = datasets.load_iris()
species = datasets.fetch_species_distributions()
news = datasets.fetch_20newsgroups(subset="train", remove=("headers", "footers"))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
