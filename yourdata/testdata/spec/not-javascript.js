var districts = {"type":"FeatureCollection","features":[]};
